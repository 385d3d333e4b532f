using System.Collections.Immutable;
using Reticle.Model;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The October 2022 rule (87 FR 62186) took effect in steps: its DATES section puts the §744.23
/// instruction in force on 2022-10-07 (the day of public display, before publication on 2022-10-13);
/// §744.6(c)(2) followed on 2022-10-12 (UsPersonSupportTests) and ECCN 3B090 on 2022-10-21 (Us3B090Tests).
/// </summary>
public sealed class UsOctober2022DatesTests
{
    // A US-made scanner for an advanced-node fab in China: §744.23(a)(2)(i) reaches any item subject to the EAR.
    private static Transaction UsMadeScanner(string date)
    {
        var t = Litho(date);
        return t with
        {
            Item = t.Item with { Origin = CountryCode.Parse("US") },
            Parties = [new Party(PartyRole.EndUser, "Example Fab Co.", CountryCode.Parse("CN"), null)],
            EndUse = ImmutableDictionary<string, Knowledge>.Empty.Add("advancedNodeFacility", Knowledge.Yes),
            Personnel = [new Person("Shipping clerk", false, null)],
        };
    }

    [Theory]
    [InlineData("2022-10-06", O.NotApplicable)]
    [InlineData("2022-10-07", O.LicenseRequired)]
    [InlineData("2022-10-08", O.LicenseRequired)]
    public void The_advanced_node_end_use_rule_of_744_23_applies_from_2022_10_07(string date, O expected)
    {
        var us = UsParties.Us(UsMadeScanner(date));

        us.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            us.Finding("us.ear.744-23-advanced-node-facility").Status.ShouldBe(Reticle.Determination.FindingStatus.Applies);
        }
    }

    [Theory]
    [InlineData("2022-10-06", false)]
    [InlineData("2022-10-07", true)]
    public void The_October_2022_rule_is_known_from_its_public_display_on_2022_10_07(string knownAt, bool known) =>
        BundledRules.KnownAt(Date(knownAt)).Packs.Any(p => p.Source.Id == "us.ear-2022-10").ShouldBe(known);
}
