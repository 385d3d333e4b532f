using Reticle.Model;
using static Reticle.Tests.Content.JapaneseTool;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The 貨物等省令 version in force from 2025-05-28 (令和七年経済産業省令第三十四号): changed items カ(二) and ヰ, the new
/// sub-items コ-シ of item 17 and the new item 17-2 ロ, on the day before, of and after, and both sides of each threshold.
/// </summary>
public sealed class Japan2025AmendmentTests
{
    private static readonly (string, ParameterValue)[] AnisotropicEtch =
        [P("kind", "etch"), P("etchMode", "anisotropic-dry"), P("pulsedRfPower", "yes"), P("gasSwitchingTimeMs", 400),
         P("escTemperatureZones", 12)];

    [Theory]
    [InlineData("2025-05-27", false)]
    [InlineData("2025-05-28", true)]
    [InlineData("2025-05-29", true)]
    public void From_2025_05_28_anisotropic_dry_etch_is_listed_at_500_ms_and_10_chuck_zones(string date, bool listed) =>
        Entries(date, AnisotropicEtch).Contains("6.17.ka.2").ShouldBe(listed);

    [Theory]
    [InlineData("2025-05-27", 299, 20, true)]
    [InlineData("2025-05-27", 300, 20, false)]
    [InlineData("2025-05-27", 299, 19, false)]
    [InlineData("2025-05-28", 499, 10, true)]
    [InlineData("2025-05-28", 500, 10, false)]
    [InlineData("2025-05-28", 499, 9, false)]
    public void Anisotropic_dry_etch_thresholds_before_and_from_2025_05_28(string date, double switchingMs, int zones, bool listed) =>
        Entries(date, AnisotropicEtch.With("gasSwitchingTimeMs", switchingMs).With("escTemperatureZones", zones)).Contains("6.17.ka.2").ShouldBe(listed);

    private static readonly (string, ParameterValue)[] CarbonHardMask =
        [P("kind", "deposition"), P("depositionProcess", "carbon-hardmask-plasma-cvd"), P("filmThicknessNm", 3000),
         P("filmDensityGPerCm3", 1.8), P("filmStressMPa", 500)];

    [Theory]
    [InlineData("2025-05-27", false)]
    [InlineData("2025-05-28", true)]
    [InlineData("2025-05-29", true)]
    public void From_2025_05_28_a_thick_dense_carbon_hard_mask_is_listed_whatever_its_stress(string date, bool listed) =>
        Entries(date, CarbonHardMask).Contains("6.17.wi").ShouldBe(listed);

    [Theory]
    [InlineData("2024-10-01", 101, 449, true)]
    [InlineData("2024-10-01", 100, 449, false)]
    [InlineData("2024-10-01", 101, 450, false)]
    public void Until_2025_05_28_the_carbon_hard_mask_item_tests_100_nm_and_450_MPa(string date, double thicknessNm, double stressMPa, bool listed) =>
        Entries(date, CarbonHardMask.With("filmThicknessNm", thicknessNm).With("filmStressMPa", stressMPa)).Contains("6.17.wi").ShouldBe(listed);

    [Theory]
    [InlineData(2001, 1.71, true)]
    [InlineData(2000, 1.71, false)]
    [InlineData(2001, 1.70, false)]
    public void From_2025_05_28_the_carbon_hard_mask_item_tests_2_um_and_1_7_g_per_cm3(double thicknessNm, double density, bool listed) =>
        Entries("2025-06-01", CarbonHardMask.With("filmThicknessNm", thicknessNm).With("filmDensityGPerCm3", density)).Contains("6.17.wi").ShouldBe(listed);

    [Theory]
    [InlineData(1.6, false)]
    [InlineData(1.61, true)]
    public void Carbon_CVD_is_listed_above_1_6_g_per_cm3(double density, bool listed) =>
        Entries("2025-06-01", P("kind", "deposition"), P("depositionProcess", "carbon-cvd"), P("filmDensityGPerCm3", density))
            .Contains("6.17.ki.4").ShouldBe(listed);

    [Theory]
    [InlineData("2024-10-01", "6.17-2")]
    [InlineData("2025-05-27", "6.17-2")]
    [InlineData("2025-05-28", "6.17-3.ho")]
    public void The_EUV_pellicle_moves_from_17_2_to_17_3_ho_on_2025_05_28(string date, string entry) =>
        Entries(date, P("kind", "pellicle"), P("designedForEuv", "yes")).ShouldBe([entry]);

    // --- the new sub-items: listed from 2025-05-28, not the day before ----------------------------------------

    public static TheoryData<string, string, string[]> NewItems => new()
    {
        { "6.17.ko", "plasma doping implanter", ["kind=ion-implant", "implantMode=plasma-doping", "rfPowerSupplyCount=1", "pulsedDcPowerSupplyCount=1", "nOrPTypeDopant=yes"] },
        { "6.17.e", "DUV immersion add-on", ["kind=lithography-upgrade", "upgradeForDuvImmersion=yes", "upgradeReducesMrf=yes", "upgradeMrfAfterNm=40", "upgradeDcoAfterNm=2.0"] },
        { "6.17.te", "imprint lithography", ["kind=imprint-lithography", "imprintOverlayNm=3.5"] },
        { "6.17.a.1", "TSV reveal etch", ["kind=etch", "etchMode=anisotropic-dry", "pulsedRfPower=no", "dielectricEtchAspectRatio=5", "rfSourceCount=2", "gasSourceCount=2", "processUniformityTuning=yes", "tsvRevealEndpointDetection=yes"] },
        { "6.17.a.2", "HAR dielectric etch", ["kind=etch", "etchMode=anisotropic-dry", "pulsedRfPower=no", "dielectricEtchAspectRatio=40", "dielectricEtchWidthNm=30"] },
        { "6.17.a.3", "TSV etch", ["kind=etch", "etchMode=anisotropic-dry", "pulsedRfPower=no", "dielectricEtchAspectRatio=5", "siliconEtchRateUmPerMin=8", "etchDepthNonUniformity=1.5", "tsvAspectRatio=12"] },
        { "6.17.sa", "EUV pattern shaping", ["kind=pattern-shaping", "designedForEuv=yes"] },
        { "6.17.ki.1", "W PVD with ion-flux magnet", ["kind=deposition", "depositionProcess=pvd-tungsten-ion-flux-guidance", "gapAspectRatio=4"] },
        { "6.17.ki.2", "Mo/Ru ALD", ["kind=deposition", "depositionProcess=molybdenum-ruthenium-ald", "precursorVesselTemperatureDegC=80", "reducingAgentPressurePa=5000"] },
        { "6.17.ki.3", "low-k CVD with UV cure", ["kind=deposition", "depositionProcess=low-k-pecvd-uv-cure", "depositionTemperatureDegC=400", "metalFeatureThicknessNm=10", "patternPitchNm=20", "gapAspectRatio=2", "dielectricConstant=2.8"] },
        { "6.17.ki.5", "DLI high-k", ["kind=deposition", "depositionProcess=high-k-conformal-dli", "metalPrecursorCount=2", "gapAspectRatio=60", "dielectricConstant=40"] },
        { "6.17.yu", "millisecond anneal", ["kind=anneal", "processPressurePa=100000", "waferDiameterMm=300", "annealPeakTemperatureDegC=1100", "annealDurationMs=1"] },
        { "6.17.me", "supercritical CO2 cleaning", ["kind=cleaning", "cleaningProcess=single-wafer-supercritical-co2-or-sublimation-drying"] },
        { "6.17.mi", "patterned wafer inspection", ["kind=inspection", "inspectionTarget=patterned-wafer", "waferDiameterMm=300", "minimumDetectableDefectNm=15", "wavelengthNm=266", "electronBeamSourceCount=0", "coldFieldEmissionSource=no"] },
        { "6.17.shi.1", "wafer shape metrology", ["kind=metrology", "metrologyFunction=pre-exposure-wafer-shape", "standalone=yes", "servedScannerNumericalAperture=1.35", "servedScannerEuv=no"] },
        { "6.17.shi.2", "overlay metrology", ["kind=metrology", "metrologyFunction=overlay-focus", "overlayMeasurementPrecisionNm=0.3", "trackIntegrated=yes"] },
        { "6.17-2.ro", "cryogenic prober", ["kind=wafer-prober", "testTemperatureDegC=-269", "waferDiameterMm=150"] },
    };

    private static (string, ParameterValue)[] Tool(string[] facts) =>
        [.. facts.Select(f => f.Split('=')).Select(f => decimal.TryParse(f[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (f[0], ParameterValue.Of(n)) : (f[0], ParameterValue.Of(f[1])))];

    [Theory]
    [MemberData(nameof(NewItems))]
    public void Each_new_item_applies_from_2025_05_28(string entry, string tool, string[] facts)
    {
        Decide("2025-05-27", Tool(facts)).Outcome.ShouldBe(O.Permitted, tool);
        Entries("2025-05-28", Tool(facts)).ShouldContain(entry, tool);
        Decide("2025-05-28", Tool(facts)).Outcome.ShouldBe(O.LicenseRequired, tool);
        Entries("2025-05-29", Tool(facts)).ShouldContain(entry, tool);
    }

    [Theory]
    [InlineData("6.17.ko", "rfPowerSupplyCount", 1, 0)]
    [InlineData("6.17.ko", "pulsedDcPowerSupplyCount", 1, 0)]
    [InlineData("6.17.e", "upgradeMrfAfterNm", 45, 45.1)]
    [InlineData("6.17.e", "upgradeDcoAfterNm", 2.40, 2.41)]
    [InlineData("6.17.te", "imprintOverlayNm", 4.0, 4.1)]
    [InlineData("6.17.a.1", "rfSourceCount", 2, 1)]
    [InlineData("6.17.a.1", "gasSourceCount", 2, 1)]
    [InlineData("6.17.a.2", "dielectricEtchAspectRatio", 30.1, 30)]
    [InlineData("6.17.a.2", "dielectricEtchWidthNm", 39.9, 40)]
    [InlineData("6.17.a.3", "siliconEtchRateUmPerMin", 7.1, 7)]
    [InlineData("6.17.a.3", "etchDepthNonUniformity", 2, 2.1)]
    [InlineData("6.17.a.3", "tsvAspectRatio", 10, 9.9)]
    [InlineData("6.17.ki.1", "gapAspectRatio", 3, 2.9)]
    [InlineData("6.17.ki.2", "precursorVesselTemperatureDegC", 76, 75)]
    [InlineData("6.17.ki.2", "reducingAgentPressurePa", 4000, 3999)]
    [InlineData("6.17.ki.3", "depositionTemperatureDegC", 499, 500)]
    [InlineData("6.17.ki.3", "metalFeatureThicknessNm", 6.1, 6)]
    [InlineData("6.17.ki.3", "metalFeatureThicknessNm", 19.9, 20)]
    [InlineData("6.17.ki.3", "patternPitchNm", 23.9, 24)]
    [InlineData("6.17.ki.3", "gapAspectRatio", 1.8, 1.79)]
    [InlineData("6.17.ki.3", "dielectricConstant", 2.99, 3.0)]
    [InlineData("6.17.ki.5", "metalPrecursorCount", 2, 1)]
    [InlineData("6.17.ki.5", "gapAspectRatio", 50.1, 50)]
    [InlineData("6.17.ki.5", "dielectricConstant", 35.1, 35)]
    [InlineData("6.17.yu", "waferDiameterMm", 300, 200)]
    [InlineData("6.17.yu", "annealPeakTemperatureDegC", 1001, 1000)]
    [InlineData("6.17.yu", "annealDurationMs", 1.9, 2)]
    [InlineData("6.17.mi", "waferDiameterMm", 300, 299)]
    [InlineData("6.17.mi", "minimumDetectableDefectNm", 21, 21.1)]
    [InlineData("6.17.mi", "wavelengthNm", 399, 400)]
    [InlineData("6.17.shi.1", "servedScannerNumericalAperture", 1.31, 1.3)]
    [InlineData("6.17.shi.2", "overlayMeasurementPrecisionNm", 0.5, 0.51)]
    [InlineData("6.17-2.ro", "testTemperatureDegC", -268.65, -268.64)]
    [InlineData("6.17-2.ro", "waferDiameterMm", 100, 99)]
    public void Each_new_threshold_is_held_on_one_side_only(string entry, string parameter, double inside, double outside)
    {
        var facts = NewItems.Single(row => (string)row[0] == entry)[2] as string[];
        var tool = Tool(facts!);
        Entries("2025-06-01", tool.With(parameter, inside)).ShouldContain(entry);
        Entries("2025-06-01", tool.With(parameter, outside)).ShouldNotContain(entry);
    }

    [Theory]
    [InlineData("electronBeamResolutionNm", 1.65, 1.66)]
    [InlineData("electronBeamSourceCount", 2, 1)]
    public void Patterned_wafer_inspection_with_an_electron_beam_is_listed_at_1_65_nm_or_with_two_beams(string parameter, double inside, double outside)
    {
        (string, ParameterValue)[] ebeam = [P("kind", "inspection"), P("inspectionTarget", "patterned-wafer"), P("waferDiameterMm", 300),
            P("minimumDetectableDefectNm", 10), P("wavelengthNm", 500), P("electronBeamResolutionNm", 3), P("coldFieldEmissionSource", "no"),
            P("electronBeamSourceCount", 1)];
        Entries("2025-06-01", ebeam.With(parameter, inside)).ShouldContain("6.17.mi");
        Entries("2025-06-01", ebeam.With(parameter, outside)).ShouldNotContain("6.17.mi");
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(0.9, false)]
    public void A_throughput_add_on_for_a_listed_scanner_is_listed_from_a_1_percent_gain(double gainPercent, bool listed) =>
        Entries("2025-06-01", P("kind", "lithography-upgrade"), P("upgradeHostListedJp", "yes"), P("upgradeThroughputIncreasePercent", gainPercent),
            P("upgradeForDuvImmersion", "no")).Contains("6.17.e").ShouldBe(listed);
}
