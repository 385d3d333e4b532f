using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.NlEuItems;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The Dutch list in full, as far as sources support it: the annex's items of 2023 and 2024 with their
/// thresholds, and the activities art. 1-2 reach (goods, spare parts, software; technology for review).
/// </summary>
public sealed class NlSmeListTests
{
    private static JurisdictionDetermination Nl(Transaction t) => Decide(t, "NL");

    private static Transaction Epitaxy(string date, decimal temperature, string preclean = "yes") => Tool(date,
        ("kind", "deposition"), ("depositionProcess", "si-sige-epitaxy"), ("precleanChamber", preclean), ("depositionTemperatureDegC", temperature));

    private static Transaction WorkFunctionAld(string date, decimal workFunction, decimal vessel) => Tool(date,
        ("kind", "deposition"), ("depositionProcess", "work-function-metal-ald"), ("workFunctionEv", workFunction), ("precursorVesselTemperatureDegC", vessel));

    private static Transaction LowK(string date, decimal k, decimal gapWidth, decimal aspect) => Tool(date,
        ("kind", "deposition"), ("depositionProcess", "low-k-gapfill-plasma"), ("dielectricConstant", k), ("gapWidthNm", gapWidth), ("gapAspectRatio", aspect));

    private static Transaction Pellicle(string date, string kind = "pellicle", string euv = "yes") => Tool(date, ("kind", kind), ("designedForEuv", euv));

    // ------------------------------------------------------------------ dates of the 2023 Regeling
    [Theory]
    [InlineData("2023-08-31", O.NotApplicable)]
    [InlineData("2023-09-01", O.LicenseRequired)]
    [InlineData("2023-09-02", O.LicenseRequired)]
    public void The_annex_equipment_needs_a_Dutch_licence_from_2023_09_01(string date, O expected)
    {
        Nl(Epitaxy(date, 600m)).Outcome.ShouldBe(expected);
        Nl(WorkFunctionAld(date, 4.2m, 40m)).Outcome.ShouldBe(expected);
        Nl(LowK(date, 3.0m, 20m, 2m)).Outcome.ShouldBe(expected);
        Nl(Pellicle(date)).Outcome.ShouldBe(expected);
        Nl(Pellicle(date, kind: "pellicle-manufacturing")).Outcome.ShouldBe(expected);
    }

    [Fact]
    public void The_licence_requirement_names_the_annex_entry()
    {
        var nl = Nl(Pellicle("2023-09-15", kind: "pellicle-manufacturing"));
        nl.Classifications.ShouldContain("NL-SME-2023 3B001.m");
        nl.Finding("nl.sme.annex-equipment").Status.ShouldBe(FindingStatus.Applies);
    }

    // ------------------------------------------------------------------ thresholds per entry
    [Theory]
    [InlineData(684.9, O.LicenseRequired)]
    [InlineData(685, O.Permitted)]
    public void Epitaxy_is_listed_only_below_685_degC(double temperature, O expected) =>
        Nl(Epitaxy("2024-03-01", (decimal)temperature)).Outcome.ShouldBe(expected);

    [Fact]
    public void Epitaxy_without_a_preclean_chamber_is_not_listed() =>
        Nl(Epitaxy("2024-03-01", 600m, preclean: "no")).Outcome.ShouldBe(O.Permitted);

    [Theory]
    [InlineData(4.0, 40, O.Permitted)]
    [InlineData(4.01, 40, O.LicenseRequired)]
    [InlineData(4.2, 29.9, O.Permitted)]
    [InlineData(4.2, 30, O.LicenseRequired)]
    public void Work_function_metal_ALD_is_listed_above_4_eV_with_a_precursor_vessel_of_30_degC_or_more(double workFunction, double vessel, O expected) =>
        Nl(WorkFunctionAld("2024-03-01", (decimal)workFunction, (decimal)vessel)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(3.29, 24.9, 1.0, O.LicenseRequired)]
    [InlineData(3.3, 24.9, 1.0, O.Permitted)]
    [InlineData(3.0, 25, 1.0, O.Permitted)]
    [InlineData(3.0, 24.9, 0.99, O.Permitted)]
    public void Low_k_gap_fill_is_listed_below_k_3_3_in_gaps_narrower_than_25_nm_at_1_to_1_or_deeper(double k, double width, double aspect, O expected) =>
        Nl(LowK("2024-03-01", (decimal)k, (decimal)width, (decimal)aspect)).Outcome.ShouldBe(expected);

    [Fact]
    public void A_pellicle_not_designed_for_EUV_is_not_listed() =>
        Nl(Pellicle("2024-03-01", euv: "no")).Outcome.ShouldBe(O.Permitted);

    [Theory]
    [InlineData("2023-09-15", 1.50, O.LicenseRequired)]
    [InlineData("2023-09-15", 1.51, O.Permitted)]
    [InlineData("2024-09-15", 2.40, O.LicenseRequired)]
    [InlineData("2024-09-15", 2.41, O.Permitted)]
    public void The_DUV_item_ends_at_DCO_1_50_nm_in_2023_and_2_40_nm_from_2024_09_07(string date, double dco, O expected) =>
        Nl(Litho(date, dco: (decimal)dco)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(1.07, O.Permitted)]       // MRF 193 x 0.25 / 1.07 = 45.09 nm
    [InlineData(1.08, O.LicenseRequired)] // 44.68 nm
    public void The_DUV_item_needs_an_MRF_of_45_nm_or_less_with_K_0_25(double na, O expected) =>
        Nl(Litho("2024-03-01", na: (decimal)na)).Outcome.ShouldBe(expected);

    // ------------------------------------------------------------------ 2024-09-07: the DCO 1.50-2.40 nm band
    [Theory]
    [InlineData("2024-09-06", O.Permitted)]
    [InlineData("2024-09-07", O.LicenseRequired)]
    [InlineData("2024-09-08", O.LicenseRequired)]
    public void A_scanner_with_DCO_1_6_nm_needs_a_Dutch_licence_from_2024_09_07(string date, O expected) =>
        Nl(Litho(date, dco: 1.6m)).Outcome.ShouldBe(expected);

    // ------------------------------------------------------------------ 2025-04-01: the amendment published 2025-01-15
    [Theory]
    [InlineData("2025-03-31", "nl.sme-2024@2024-09-07")]
    [InlineData("2025-04-01", "nl.sme-2025@2025-04-01")]
    [InlineData("2025-04-02", "nl.sme-2025@2025-04-01")]
    public void The_annex_items_carry_across_the_2025_04_01_amendment(string date, string version)
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Litho(date, dco: 1.6m));
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(O.LicenseRequired);
        d.RuleVersions["NL"].ShouldBe(version);
        Nl(Epitaxy(date, 600m)).Outcome.ShouldBe(O.LicenseRequired);
    }

    [Theory]
    [InlineData("2025-01-14", O.Permitted)]       // the amendment was not yet published: what was known then
    [InlineData("2025-01-15", O.LicenseRequired)] // published in the Staatscourant on Wednesday 2025-01-15
    public void The_metrology_amendment_is_known_from_its_publication_on_2025_01_15(string knownAt, O expected)
    {
        var tool = Tool("2025-06-01", ("kind", "metrology"), ("nl2025MetrologyInspection", "yes"));
        DeterminationEngine.Determine(BundledRules.KnownAt(Date(knownAt)), tool).Jurisdictions.Single(j => j.Jurisdiction == "NL")
            .Outcome.ShouldBe(expected);
    }

    // ------------------------------------------------------------------ activities: spare parts, software, technology
    [Theory]
    [InlineData("2023-08-31", O.NotApplicable)]
    [InlineData("2023-09-01", O.LicenseRequired)]
    [InlineData("2023-09-02", O.LicenseRequired)]
    public void A_spare_part_of_a_listed_scanner_shipped_as_a_spare_part_is_an_export_of_a_listed_good(string date, O expected)
    {
        var nl = Nl(Catalogued("SAMPLE-NXT2050I-WAFER-STAGE-MODULE", date, Activity.SpareParts));
        nl.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            nl.Finding("nl.sme.duv-lithography").Because.ShouldContain("specially designed component for NXT:2050i");
        }
    }

    [Theory]
    [InlineData("2024-09-06", O.Permitted)]
    [InlineData("2024-09-07", O.LicenseRequired)]
    [InlineData("2024-09-08", O.LicenseRequired)]
    public void A_spare_part_of_an_NXT_1980i_needs_a_Dutch_licence_from_2024_09_07(string date, O expected) =>
        Nl(Catalogued("SAMPLE-NXT1980I-WAFER-STAGE-MODULE", date, Activity.SpareParts)).Outcome.ShouldBe(expected);

    [Fact]
    public void A_spare_part_sent_within_the_EU_needs_no_Dutch_licence() =>
        Nl(Catalogued("SAMPLE-NXT2050I-WAFER-STAGE-MODULE", "2024-03-01", Activity.SpareParts, to: "BE")).Outcome.ShouldBe(O.Permitted);

    [Theory]
    [InlineData("2023-08-31", O.NotApplicable)]
    [InlineData("2023-09-01", O.LicenseRequired)]
    [InlineData("2023-09-02", O.LicenseRequired)]
    public void Software_for_the_use_of_a_listed_scanner_sent_abroad_needs_a_Dutch_licence(string date, O expected)
    {
        var nl = Nl(Catalogued("SAMPLE-NXT2050I-OPERATING-SOFTWARE", date, Activity.Software));
        nl.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            nl.Classifications.ShouldContain("NL-SME-2023 3D007");
        }
    }

    [Fact]
    public void Software_that_does_not_say_what_it_is_for_is_undetermined_and_asks_which_item()
    {
        var nl = Nl(Tool("2024-03-01", "CN", Activity.Software, ("kind", "software"), ("designedPurpose", "use")));
        nl.Outcome.ShouldBe(O.Review);
        nl.Finding("nl.sme.software").Missing.ShouldContain("item.speciallyDesignedFor");
    }

    [Fact]
    public void Software_for_an_unlisted_scanner_needs_no_Dutch_licence()
    {
        // The dry ArF NXT:1470 (NA 0.93): MRF 51.9 nm with K 0.25, not on the Dutch list.
        var software = Tool("2024-03-01", "CN", Activity.Software, ("kind", "software"), ("designedPurpose", "use"));
        software = software with { Item = software.Item with { SpeciallyDesignedFor = "NXT:1470" } };
        Nl(software).Outcome.ShouldBe(O.Permitted);
    }

    [Fact]
    public void Technology_for_a_listed_scanner_is_for_review_because_the_annex_entry_was_not_seen()
    {
        var nl = Nl(Catalogued("SAMPLE-NXT2050I-PRODUCTION-TECHNOLOGY", "2024-03-01", Activity.Technology));
        nl.Outcome.ShouldBe(O.Review);
        nl.Finding("nl.sme.technology").Status.ShouldBe(FindingStatus.Applies);
    }
}
