using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// ECCN 3B090, in the CCL from 2022-10-21 until its items were folded into 3B001 on 2023-11-17, carried
/// without its technical parameters: the exporter's classification (or the fact us3b090Parameters) decides.
/// </summary>
public sealed class Us3B090Tests
{
    private static JurisdictionDetermination Us(Transaction t) =>
        DeterminationEngine.Determine(BundledRules.Rules, t, null, []).Jurisdictions.Single(j => j.Jurisdiction == "US");

    // A US-made deposition tool for a fab whose node is known not to be advanced: only the item controls decide.
    private static Transaction Deposition(string date, string to = "CN", string? declared = "3B090", string kind = "deposition")
    {
        var t = Litho(date, to: to, kind: kind, wavelength: null, na: null, dco: null);
        return t with
        {
            Item = t.Item with
            {
                Origin = CountryCode.Parse("US"),
                Classifications = declared is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add("US", declared),
            },
            EndUse = ImmutableDictionary<string, Knowledge>.Empty.Add("advancedNodeFacility", Knowledge.No).Add("smeDevelopmentOrProduction", Knowledge.No),
            Personnel = [new Person("clerk", false, null)],
        };
    }

    [Theory]
    [InlineData("2022-10-20", O.Permitted)]
    [InlineData("2022-10-21", O.LicenseRequired)]
    [InlineData("2022-10-22", O.LicenseRequired)]
    public void A_tool_classified_3B090_needs_a_licence_for_China_from_2022_10_21(string date, O expected) =>
        Us(Deposition(date)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2023-11-16", true)]
    [InlineData("2023-11-17", false)]
    public void The_entry_is_gone_from_2023_11_17(string date, bool classified) =>
        Us(Deposition(date)).Classifications.Contains("US-CCL 3B090").ShouldBe(classified);

    [Theory]
    [InlineData("2023-01-16", O.Permitted)]
    [InlineData("2023-01-17", O.LicenseRequired)]
    [InlineData("2023-01-18", O.LicenseRequired)]
    public void Macau_is_in_scope_from_2023_01_17(string date, O expected) =>
        Us(Deposition(date, to: "MO")).Outcome.ShouldBe(expected);

    [Fact]
    public void Other_destinations_are_outside_the_3B090_licence_requirement() =>
        Us(Deposition("2023-03-01", to: "DE")).Outcome.ShouldBe(O.Permitted);

    [Fact]
    public void A_tool_classified_otherwise_is_not_3B090() =>
        Us(Deposition("2023-03-01", declared: "3B991")).Outcome.ShouldBe(O.Permitted);

    [Fact]
    public void An_unclassified_etch_tool_for_China_is_undetermined_and_asks_for_the_fact()
    {
        var us = Us(Deposition("2023-03-01", declared: null, kind: "etch"));

        us.Outcome.ShouldBe(O.Review);
        us.Findings.Single(f => f.Rule == "us.ear.3b090-rs").Missing.ShouldContain("item.parameters.us3b090Parameters");
    }

    [Fact]
    public void A_scanner_is_never_3B090() =>
        Us(Litho("2023-03-01") with { Item = Litho("2023-03-01").Item with { Origin = CountryCode.Parse("US") } })
            .Classifications.ShouldNotContain("US-CCL 3B090");
}
