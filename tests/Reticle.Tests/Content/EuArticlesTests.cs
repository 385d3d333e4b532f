using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>EU Dual-Use Regulation articles beyond Annex I: EU001, Art. 8 technical assistance, Art. 10.</summary>
public sealed class EuArticlesTests
{
    private static JurisdictionDetermination Eu(Transaction t) =>
        DeterminationEngine.Determine(BundledRules.Rules, t).Jurisdictions.Single(j => j.Jurisdiction == "EU");

    private static Transaction Informed(Transaction t, bool informed) =>
        t with { EndUse = ImmutableDictionary<string, Knowledge>.Empty.Add("informedByAuthority", informed ? Knowledge.Yes : Knowledge.No) };

    [Fact]
    public void EU001_is_offered_for_an_EUV_export_to_the_United_States_but_never_concluded()
    {
        var eu = Eu(Litho("2024-03-01", to: "US", wavelength: 13.5m, na: 0.33m));
        eu.Outcome.ShouldBe(O.LicenseRequired);
        var option = eu.Findings.Single(f => f.Status == FindingStatus.Applies).Exceptions.ShouldHaveSingleItem();
        option.Id.ShouldBe("EU001");
        option.Kind.ShouldBe(Reticle.Rules.Packs.ExceptionKind.GeneralAuthorisation);
        option.Confirm.ShouldNotBeEmpty();
    }

    [Fact]
    public void EU001_is_not_offered_for_China() =>
        Eu(Litho("2024-03-01", to: "CN", wavelength: 13.5m, na: 0.33m)).Findings.Single(f => f.Status == FindingStatus.Applies)
            .Exceptions.ShouldBeEmpty();

    [Theory]
    [InlineData(true, O.LicenseRequired)]
    [InlineData(false, O.Permitted)]
    public void Servicing_an_Annex_I_scanner_abroad_needs_authorisation_once_the_authority_has_informed_the_provider(bool informed, O expected)
    {
        var visit = Informed(Litho("2024-03-01", to: "CN", wavelength: 13.5m, na: 0.33m, activity: Activity.Service), informed);
        Eu(visit).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData("DE", true, O.LicenseRequired)]
    [InlineData("DE", false, O.Permitted)]
    [InlineData("NL", true, O.Permitted)]
    public void A_Dutch_listed_scanner_exported_from_Germany_needs_authorisation_under_Art_10_once_informed(string from, bool informed, O expected)
    {
        // DUV immersion with DCO 1.1 nm: on the Dutch list, not in Annex I before 2025-11-15.
        var export = Informed(Litho("2024-03-01", from: from, to: "CN"), informed);
        var eu = Eu(export);
        eu.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            eu.Findings.Single(f => f.Status == FindingStatus.Applies).Because.ShouldContain("NL-SME-2023 3B001.f.4");
        }
    }
}
