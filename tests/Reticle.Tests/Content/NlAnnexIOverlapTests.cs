using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.NlEuItems;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// From 2025-11-15 Annex I lists items the Dutch list held (3B501): a national list under Art. 9(1) reaches
/// only items not listed in Annex I, so the EU authorisation (Art. 3) takes over and the Dutch one falls away
/// for those items, while the Dutch items Annex I does not list (DCO 1.50-2.40 nm, pellicle production
/// equipment) stay national. ADR 0007.
/// </summary>
public sealed class NlAnnexIOverlapTests
{
    [Theory]
    [InlineData("2025-11-14", O.LicenseRequired, O.Permitted)]
    [InlineData("2025-11-15", O.Permitted, O.LicenseRequired)]
    [InlineData("2025-11-16", O.Permitted, O.LicenseRequired)]
    public void A_DUV_scanner_with_DCO_1_1_nm_moves_from_the_Dutch_list_to_Annex_I_on_2025_11_15(string date, O nl, O eu)
    {
        var export = Litho(date);
        Decide(export, "NL").Outcome.ShouldBe(nl);
        Decide(export, "EU").Outcome.ShouldBe(eu);
    }

    [Fact]
    public void The_Dutch_finding_says_the_item_is_in_Annex_I()
    {
        var nl = Decide(Litho("2025-11-15"), "NL");
        nl.Classifications.ShouldContain("NL-SME-2025 3B001.f.4");
        var finding = nl.Finding("nl.sme.duv-lithography");
        finding.Status.ShouldBe(FindingStatus.DoesNotApply);
        finding.Because.ShouldContain("listed in Annex I to Regulation (EU) 2021/821");
        nl.Conditions.Single().Because.ShouldContain("EU-Annex-I 3B501.f.1.b");
    }

    [Theory]
    [InlineData("2025-11-14")]
    [InlineData("2025-11-15")]
    [InlineData("2025-11-16")]
    public void A_DUV_scanner_with_DCO_1_6_nm_stays_on_the_Dutch_list_because_Annex_I_stops_at_1_50_nm(string date)
    {
        var export = Litho(date, dco: 1.6m);
        Decide(export, "NL").Outcome.ShouldBe(O.LicenseRequired);
        Decide(export, "EU").Outcome.ShouldBe(O.Permitted);
    }

    [Theory]
    [InlineData("2025-11-14", O.LicenseRequired, O.Permitted)]
    [InlineData("2025-11-15", O.Permitted, O.LicenseRequired)]
    public void An_EUV_pellicle_moves_to_Annex_I_3B501_m(string date, O nl, O eu)
    {
        var export = Catalogued("SAMPLE-EUV-PELLICLE", date);
        Decide(export, "NL").Outcome.ShouldBe(nl);
        Decide(export, "EU").Outcome.ShouldBe(eu);
    }

    [Fact]
    public void EUV_pellicle_production_equipment_is_not_in_Annex_I_and_stays_national()
    {
        var export = Tool("2025-11-15", ("kind", "pellicle-manufacturing"), ("designedForEuv", "yes"));
        Decide(export, "NL").Outcome.ShouldBe(O.LicenseRequired);
        Decide(export, "EU").Outcome.ShouldBe(O.Permitted);
    }

    [Theory]
    [InlineData("2025-11-14", O.LicenseRequired, O.Permitted)]
    [InlineData("2025-11-15", O.Permitted, O.LicenseRequired)]
    public void A_spare_part_of_a_listed_scanner_follows_its_scanner_into_Annex_I(string date, O nl, O eu)
    {
        var shipment = Catalogued("SAMPLE-NXT2050I-WAFER-STAGE-MODULE", date, Activity.SpareParts);
        Decide(shipment, "NL").Outcome.ShouldBe(nl);
        Decide(shipment, "EU").Outcome.ShouldBe(eu);
    }

    [Theory]
    [InlineData("2025-11-14", O.LicenseRequired)]
    [InlineData("2025-11-15", O.LicenseRequired)]
    public void From_Germany_the_Art_10_route_gives_way_to_Art_3_once_Annex_I_lists_the_scanner(string date, O expected)
    {
        var export = Litho(date, from: "DE") with { EndUse = ImmutableDictionary<string, Knowledge>.Empty.Add("informedByAuthority", Knowledge.Yes) };
        var eu = Decide(export, "EU");
        eu.Outcome.ShouldBe(expected);
        eu.Finding("eu.art10-other-member-state-list").Status.ShouldBe(date == "2025-11-14" ? FindingStatus.Applies : FindingStatus.DoesNotApply);
        eu.Finding("eu.annex-i.art3-lithography").Status.ShouldBe(date == "2025-11-14" ? FindingStatus.DoesNotApply : FindingStatus.Applies);
    }
}
