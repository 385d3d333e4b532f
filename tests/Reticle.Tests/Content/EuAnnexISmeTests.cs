using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.NlEuItems;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// EU Annex I from 2025-11-15 for semiconductor equipment: every x5xx entry (3B501, 3B503, 3B504), the
/// software and technology entries as far as they reach them (3D001, 3D002, 3D507, 3E001, 3E505), each on both
/// sides of its thresholds, and the components and activities Art. 3 reaches (Reg. 2021/821, Art. 2(2)).
/// </summary>
public sealed class EuAnnexISmeTests
{
    private static JurisdictionDetermination Eu(Transaction t) => Decide(t, "EU");

    private static (string, object)[] Epitaxy(decimal temperature) =>
        [("kind", "deposition"), ("depositionProcess", "si-sige-epitaxy"), ("precleanChamber", "yes"), ("depositionTemperatureDegC", temperature)];

    private static (string, object)[] IsotropicEtch(decimal selectivity) =>
        [("kind", "etch"), ("etchMode", "isotropic-dry"), ("etchSelectivitySiGeToSi", selectivity)];

    private static (string, object)[] AnisotropicEtch(decimal switching, decimal zones, string pulsed = "yes") =>
        [("kind", "etch"), ("etchMode", "anisotropic-dry"), ("pulsedRfPower", pulsed), ("gasSwitchingTimeMs", switching), ("escTemperatureZones", zones)];

    private static (string, object)[] EuvMask(string blank) => [("kind", "mask"), ("designedForEuv", "yes"), ("euvMaskBlankMoSi", blank)];

    private static (string, object)[] Deposition(string process, params (string, object)[] more) =>
        [("kind", "deposition"), ("depositionProcess", process), .. more];

    private static (string, object)[] Sem(decimal placement = 20m, decimal pixels = 300000000m, decimal fovOverlap = 4m,
        decimal stitching = 40m, decimal kv = 30m, string carrier = "no") =>
        [("kind", "electron-microscope"), ("stagePlacementAccuracyNm", placement), ("laserInterferometerStage", "yes"),
         ("laserInterferometerFovCalibration", "yes"), ("imagePixels", pixels), ("fovOverlapPercent", fovOverlap),
         ("stitchingOverlapNm", stitching), ("acceleratingVoltageKv", kv), ("acceptsSemiWaferCarrier", carrier)];

    private static (string, object)[] Prober(decimal kelvin, decimal diameter) =>
        [("kind", "wafer-prober"), ("probeTemperatureK", kelvin), ("waferDiameterMm", diameter)];

    /// <summary>One item that each x5xx entry lists (name, parameters, the entry it should fall under).</summary>
    public static TheoryData<string, string> ListedItems => new()
    {
        { "epitaxy", "3B501.a.4" }, { "isotropic etch", "3B501.k.1" }, { "anisotropic etch", "3B501.k.2" },
        { "EUV mask", "3B501.l" }, { "EUV pellicle", "3B501.m" }, { "tungsten ALD", "3B501.n.1.a" },
        { "barrier ALD", "3B501.n.1.b" }, { "work-function ALD", "3B501.n.1.c" }, { "cobalt plating", "3B501.n.2" },
        { "cobalt CVD", "3B501.n.3" }, { "tungsten bottom-up CVD", "3B501.n.4" }, { "low-k", "3B501.n.5" },
        { "ruthenium", "3B501.n.6" }, { "multi-chamber contact", "3B501.n.7" }, { "single-chamber contact", "3B501.n.8" },
        { "SEM", "3B503" }, { "cryogenic prober", "3B504" },
    };

    private static (string, object)[] Listed(string name) => name switch
    {
        "epitaxy" => Epitaxy(600m),
        "isotropic etch" => IsotropicEtch(150m),
        "anisotropic etch" => AnisotropicEtch(100m, 24m),
        "EUV mask" => EuvMask("yes"),
        "EUV pellicle" => [("kind", "pellicle"), ("designedForEuv", "yes")],
        "tungsten ALD" => Deposition("tungsten-ald", ("gapWidthNm", 30m)),
        "barrier ALD" => Deposition("selective-barrier-ald", ("barrierMaterial", "metal-nitride")),
        "work-function ALD" => Deposition("work-function-metal-ald", ("workFunctionEv", 4.3m), ("precursorVesselTemperatureDegC", 35m)),
        "cobalt plating" => Deposition("cobalt-electroless-plating"),
        "cobalt CVD" => Deposition("cobalt-fill-cvd"),
        "tungsten bottom-up CVD" => Deposition("selective-bottom-up-tungsten-cvd"),
        "low-k" => Deposition("low-k-gapfill-plasma", ("dielectricConstant", 3.0m), ("gapAspectRatio", 2m), ("gapWidthNm", 20m)),
        "ruthenium" => Deposition("ruthenium-organometallic", ("depositionTemperatureDegC", 300m)),
        "multi-chamber contact" => Deposition("metal-contact-multistep", ("chamberCount", 4m)),
        "single-chamber contact" => Deposition("tungsten-organometallic-contact", ("depositionTemperatureDegC", 300m)),
        "SEM" => Sem(),
        "cryogenic prober" => Prober(4m, 200m),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(ListedItems))]
    public void Each_x5xx_entry_needs_an_EU_authorisation_from_2025_11_15_and_not_the_day_before(string name, string entry)
    {
        Eu(Tool("2025-11-14", Listed(name))).Outcome.ShouldBe(O.Permitted);
        var on = Eu(Tool("2025-11-15", Listed(name)));
        on.Outcome.ShouldBe(O.LicenseRequired);
        on.Classifications.ShouldContain($"EU-Annex-I {entry}");
        Eu(Tool("2025-11-16", Listed(name))).Outcome.ShouldBe(O.LicenseRequired);
    }

    [Theory]
    [MemberData(nameof(ListedItems))]
    public void Within_the_EU_an_x5xx_item_needs_no_authorisation(string name, string entry)
    {
        var transfer = Eu(Tool("2025-12-01", "DE", Activity.Export, Listed(name)));
        transfer.Outcome.ShouldBe(O.Permitted);
        transfer.Classifications.ShouldContain($"EU-Annex-I {entry}");
    }

    // ------------------------------------------------------------------ thresholds, entry by entry
    private static O At(params (string, object)[] parameters) => Eu(Tool("2025-12-01", parameters)).Outcome;

    [Theory]
    [InlineData(684.9, O.LicenseRequired)]
    [InlineData(685, O.Permitted)] // "below 958 K (685 °C)": strictly below
    public void B501_a_4_epitaxy_below_685_degC(double t, O expected) => At(Epitaxy((decimal)t)).ShouldBe(expected);

    [Theory]
    [InlineData(99.9, O.Permitted)]
    [InlineData(100, O.LicenseRequired)]
    public void B501_k_1_isotropic_SiGe_etch_at_100_to_1(double s, O expected) => At(IsotropicEtch((decimal)s)).ShouldBe(expected);

    [Theory]
    [InlineData(299.9, 20, "yes", O.LicenseRequired)]
    [InlineData(300, 20, "yes", O.Permitted)]
    [InlineData(100, 19, "yes", O.Permitted)]
    [InlineData(100, 20, "no", O.Permitted)]
    public void B501_k_2_anisotropic_etch_pulsed_RF_gas_switching_below_300_ms_and_20_chuck_zones(double ms, int zones, string pulsed, O expected) =>
        At(AnisotropicEtch((decimal)ms, zones, pulsed)).ShouldBe(expected);

    [Theory]
    [InlineData("yes", O.LicenseRequired)]
    [InlineData("no", O.Permitted)]
    public void B501_l_EUV_masks_need_a_3B001_j_blank(string blank, O expected) => At(EuvMask(blank)).ShouldBe(expected);

    [Theory]
    [InlineData(39.9, O.LicenseRequired)]
    [InlineData(40, O.Permitted)]
    public void B501_n_1_a_tungsten_ALD_in_channels_narrower_than_40_nm(double width, O expected) =>
        At(Deposition("tungsten-ald", ("gapWidthNm", (decimal)width), ("fillsEntireInterconnect", "no"))).ShouldBe(expected);

    [Fact]
    public void B501_n_1_a_tungsten_ALD_filling_an_entire_interconnect_is_listed_whatever_the_width() =>
        At(Deposition("tungsten-ald", ("gapWidthNm", 60m), ("fillsEntireInterconnect", "yes"))).ShouldBe(O.LicenseRequired);

    [Theory]
    [InlineData("metal", O.LicenseRequired)]
    [InlineData("metal-nitride", O.LicenseRequired)]
    [InlineData("dielectric", O.Permitted)]
    public void B501_n_1_b_area_selective_ALD_of_a_metal_or_metal_nitride_barrier(string material, O expected) =>
        At(Deposition("selective-barrier-ald", ("barrierMaterial", material))).ShouldBe(expected);

    [Theory]
    [InlineData(4.0, 30, O.Permitted)]
    [InlineData(4.01, 30, O.LicenseRequired)] // ">= 303,15 K (30 °C)": 30 °C itself is listed
    [InlineData(4.3, 29.9, O.Permitted)]
    public void B501_n_1_c_work_function_metal_ALD(double ev, double vessel, O expected) =>
        At(Deposition("work-function-metal-ald", ("workFunctionEv", (decimal)ev), ("precursorVesselTemperatureDegC", (decimal)vessel))).ShouldBe(expected);

    [Theory]
    [InlineData(3.29, 1.0, 24.9, O.LicenseRequired)]
    [InlineData(3.3, 1.0, 24.9, O.Permitted)]
    [InlineData(3.0, 0.99, 24.9, O.Permitted)]
    [InlineData(3.0, 1.0, 25, O.Permitted)]
    public void B501_n_5_void_free_low_k_below_3_3_in_gaps_below_25_nm_at_1_to_1(double k, double aspect, double width, O expected) =>
        At(Deposition("low-k-gapfill-plasma", ("dielectricConstant", (decimal)k), ("gapAspectRatio", (decimal)aspect), ("gapWidthNm", (decimal)width))).ShouldBe(expected);

    [Theory]
    [InlineData(20, O.Permitted)]
    [InlineData(20.1, O.LicenseRequired)]
    [InlineData(499.9, O.LicenseRequired)]
    [InlineData(500, O.Permitted)]
    public void B501_n_6_organometallic_ruthenium_between_20_and_500_degC(double t, O expected) =>
        At(Deposition("ruthenium-organometallic", ("depositionTemperatureDegC", (decimal)t))).ShouldBe(expected);

    [Theory]
    [InlineData(1, O.Permitted)]
    [InlineData(2, O.LicenseRequired)]
    public void B501_n_7_needs_multiple_chambers(int chambers, O expected) =>
        At(Deposition("metal-contact-multistep", ("chamberCount", chambers))).ShouldBe(expected);

    [Theory]
    [InlineData(100, O.Permitted)]
    [InlineData(100.1, O.LicenseRequired)]
    [InlineData(499.9, O.LicenseRequired)]
    [InlineData(500, O.Permitted)]
    public void B501_n_8_single_chamber_contact_between_100_and_500_degC(double t, O expected) =>
        At(Deposition("tungsten-organometallic-contact", ("depositionTemperatureDegC", (decimal)t))).ShouldBe(expected);

    [Theory]
    [InlineData(29.9, 200000001, 4.9, 49.9, 21.1, "no", O.LicenseRequired)]
    [InlineData(30, 200000001, 4.9, 49.9, 21.1, "no", O.Permitted)]
    [InlineData(29.9, 200000000, 4.9, 49.9, 21.1, "no", O.Permitted)]
    [InlineData(29.9, 200000001, 5, 49.9, 21.1, "no", O.Permitted)]
    [InlineData(29.9, 200000001, 4.9, 50, 21.1, "no", O.Permitted)]
    [InlineData(29.9, 200000001, 4.9, 49.9, 21, "no", O.Permitted)]
    [InlineData(29.9, 200000001, 4.9, 49.9, 21.1, "yes", O.Permitted)] // Note 2: accepts a FOUP
    public void B503_SEM_imaging_thresholds(double placement, double pixels, double overlap, double stitching, double kv, string carrier, O expected) =>
        At(Sem((decimal)placement, (decimal)pixels, (decimal)overlap, (decimal)stitching, (decimal)kv, carrier)).ShouldBe(expected);

    [Theory]
    [InlineData(4.5, 100, O.LicenseRequired)]
    [InlineData(4.6, 100, O.Permitted)]
    [InlineData(4.5, 99, O.Permitted)]
    public void B504_cryogenic_probers_at_4_5_K_for_wafers_of_100_mm(double kelvin, double diameter, O expected) =>
        At(Prober((decimal)kelvin, (decimal)diameter)).ShouldBe(expected);

    [Fact]
    public void A_tool_whose_parameter_is_missing_is_undetermined_and_names_it()
    {
        var eu = Eu(Tool("2025-12-01", ("kind", "etch"), ("etchMode", "isotropic-dry")));
        eu.Outcome.ShouldBe(O.Review);
        eu.Finding("eu.annex-i.art3-lithography").Missing.ShouldContain("item.parameters.etchSelectivitySiGeToSi");
    }

    // ------------------------------------------------------------------ components, software, technology (Art. 2(2), Art. 3)
    [Fact]
    public void A_spare_part_of_a_3B501_scanner_shipped_as_a_spare_part_needs_an_EU_authorisation()
    {
        var eu = Eu(Catalogued("SAMPLE-NXT2050I-WAFER-STAGE-MODULE", "2025-12-01", Activity.SpareParts));
        eu.Outcome.ShouldBe(O.LicenseRequired);
        eu.Classifications.ShouldContain("EU-Annex-I 3B501.f.1.b");
    }

    [Theory]
    [InlineData("2025-11-14", O.Permitted)]
    [InlineData("2025-11-15", O.LicenseRequired)]
    [InlineData("2025-11-16", O.LicenseRequired)]
    public void Software_for_the_use_of_a_3B501_f_1_scanner_is_3D002(string date, O expected)
    {
        var eu = Eu(Catalogued("SAMPLE-NXT2050I-OPERATING-SOFTWARE", date, Activity.Software));
        eu.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            eu.Classifications.ShouldContain("EU-Annex-I 3D002");
        }
    }

    private static Transaction SoftwareFor(string sku, string purpose, string kind = "software", Activity activity = Activity.Software)
    {
        var t = Tool("2025-12-01", "CN", activity, ("kind", kind), ("designedPurpose", purpose), ("softwareFunction", "machine-control"), ("technologyDomain", "lithography-equipment"));
        return t with { Item = t.Item with { SpeciallyDesignedFor = sku } };
    }

    [Fact]
    public void Software_for_the_use_of_an_EUV_pellicle_is_not_3D002_which_does_not_name_3B501_m() =>
        Eu(SoftwareFor("SAMPLE-EUV-PELLICLE", "use")).Outcome.ShouldBe(O.Permitted);

    [Fact]
    public void Software_for_the_production_of_an_EUV_pellicle_is_3D001() =>
        Eu(SoftwareFor("SAMPLE-EUV-PELLICLE", "production")).Classifications.ShouldContain("EU-Annex-I 3D001");

    [Fact]
    public void Software_for_a_scanner_outside_Annex_I_is_not_listed() =>
        Eu(SoftwareFor("NXT:1980i", "use")).Outcome.ShouldBe(O.Permitted);

    [Theory]
    [InlineData("production", O.LicenseRequired)]
    [InlineData("development", O.LicenseRequired)]
    [InlineData("use", O.Permitted)] // 3E001 is development or production technology only
    public void Technology_for_a_3B501_scanner_is_3E001_for_development_or_production(string purpose, O expected) =>
        Eu(SoftwareFor("NXT:2050i", purpose, kind: "technology", activity: Activity.Technology)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("development", O.LicenseRequired)]
    [InlineData("maintenance", O.Permitted)]        // Note 2: not for tool qualification or maintenance
    [InlineData("tool-qualification", O.Permitted)]
    public void GAAFET_technology_is_3E505_except_for_tool_qualification_or_maintenance(string purpose, O expected) =>
        At([("kind", "technology"), ("technologyDomain", "gaafet"), ("designedPurpose", purpose)]).ShouldBe(expected);

    [Fact]
    public void Software_that_does_not_say_its_function_could_be_3D507_and_is_undetermined()
    {
        var software = Tool("2025-12-01", "CN", Activity.Software, ("kind", "software"), ("designedPurpose", "use"));
        var eu = Eu(software with { Item = software.Item with { SpeciallyDesignedFor = "NXT:1980i" } });
        eu.Outcome.ShouldBe(O.Review);
        eu.Finding("eu.annex-i.art3-lithography").Missing.ShouldContain("item.parameters.softwareFunction");
    }

    [Fact]
    public void SEM_layout_extraction_software_is_3D507() =>
        Eu(Tool("2025-12-01", "CN", Activity.Software, ("kind", "software"), ("softwareFunction", "sem-layout-extraction")))
            .Classifications.ShouldContain("EU-Annex-I 3D507");
}
