using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The Dutch amendment in force from 2025-04-01 (metrology and inspection equipment), carried without its
/// annex wording: the exporter's NL classification or the fact nl2025MetrologyInspection decides.
/// </summary>
public sealed class NlMetrologyInspectionTests
{
    private static JurisdictionDetermination Nl(Transaction t) =>
        DeterminationEngine.Determine(BundledRules.Rules, t, null, []).Jurisdictions.Single(j => j.Jurisdiction == "NL");

    private static Transaction Metrology(string date, string to = "CN", string? listed = "yes", string kind = "metrology")
    {
        var t = Litho(date, to: to, kind: kind, wavelength: null, na: null, dco: null);
        var parameters = listed is null ? t.Item.Parameters : t.Item.Parameters.Add("nl2025MetrologyInspection", ParameterValue.Of(listed));
        return t with { Item = t.Item with { Parameters = parameters } };
    }

    [Theory]
    [InlineData("2025-03-31", O.Permitted)]
    [InlineData("2025-04-01", O.LicenseRequired)]
    [InlineData("2025-04-02", O.LicenseRequired)]
    public void Listed_metrology_equipment_needs_a_Dutch_licence_from_2025_04_01(string date, O expected) =>
        Nl(Metrology(date)).Outcome.ShouldBe(expected);

    [Fact]
    public void Inspection_equipment_found_not_listed_is_permitted() =>
        Nl(Metrology("2025-06-01", listed: "no", kind: "inspection")).Outcome.ShouldBe(O.Permitted);

    [Fact]
    public void Within_the_EU_no_licence_is_needed() =>
        Nl(Metrology("2025-06-01", to: "DE")).Outcome.ShouldBe(O.Permitted);

    [Fact]
    public void A_declared_NL_classification_decides_when_the_fact_is_not_given()
    {
        var t = Metrology("2025-06-01", listed: null);
        t = t with { Item = t.Item with { Classifications = ImmutableDictionary<string, string>.Empty.Add("NL", "metrology-inspection-2025") } };
        Nl(t).Outcome.ShouldBe(O.LicenseRequired);
    }

    [Fact]
    public void Unclassified_metrology_equipment_for_China_is_undetermined_and_asks_for_the_fact()
    {
        var nl = Nl(Metrology("2025-06-01", listed: null));

        nl.Outcome.ShouldBe(O.Review);
        nl.Findings.Single(f => f.Rule == "nl.sme.metrology-inspection").Missing.ShouldContain("item.parameters.nl2025MetrologyInspection");
    }
}
