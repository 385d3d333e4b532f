using Reticle.Model;
using static Reticle.Tests.Content.JapaneseTool;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>The 貨物等省令 version in force from 2024-09-08 (令和六年経済産業省令第四十四号): the day before, of and after, and both sides of each changed threshold.</summary>
public sealed class Japan2024AmendmentTests
{
    private static (string, ParameterValue)[] Scanner(double na, double? dco) =>
        dco is { } d
            ? [P("kind", "lithography"), P("wavelengthNm", 193), P("numericalAperture", na), P("dedicatedChuckOverlayNm", d)]
            : [P("kind", "lithography"), P("wavelengthNm", 193), P("numericalAperture", na)];

    [Theory]
    [InlineData("2024-09-07", O.LicenseRequired)]
    [InlineData("2024-09-08", O.Permitted)]
    [InlineData("2024-09-09", O.Permitted)]
    [InlineData("2025-05-28", O.Permitted)]
    public void From_2024_09_08_an_ArF_immersion_scanner_with_overlay_above_2_4_nm_is_no_longer_listed(string date, O expected) =>
        Decide(date, Scanner(1.35, 3.0)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2024-09-08", 2.40, O.LicenseRequired)]
    [InlineData("2024-09-08", 2.41, O.Permitted)]
    [InlineData("2025-06-01", 2.40, O.LicenseRequired)]
    [InlineData("2025-06-01", 2.41, O.Permitted)]
    public void The_ArF_item_takes_a_same_machine_overlay_of_2_4_nm_or_less(string date, double dco, O expected) =>
        Decide(date, Scanner(1.35, dco)).Outcome.ShouldBe(expected);

    [Fact]
    public void From_2024_09_08_a_scanner_without_a_stated_overlay_needs_review_naming_it()
    {
        var jp = Decide("2024-09-08", Scanner(1.35, null));
        jp.Outcome.ShouldBe(O.Review);
        jp.Findings.SelectMany(f => f.Missing).ShouldContain(m => m.Contains("overlay", StringComparison.OrdinalIgnoreCase)
            || m.Contains("dedicatedChuckOverlayNm", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_2024_09_08_the_overlay_is_not_asked() =>
        Decide("2024-09-07", Scanner(1.35, null)).Outcome.ShouldBe(O.LicenseRequired);

    [Theory]
    [InlineData("2024-09-07", 50, false)]
    [InlineData("2024-09-07", 51, true)]
    [InlineData("2024-09-08", 20, true)]
    [InlineData("2024-09-08", 19.9, false)]
    public void Low_k_gap_fill_tests_depth_over_50_nm_until_2024_09_08_and_a_depth_to_width_of_1_from_then(string date, double depthNm, bool listed) =>
        Entries(date, P("kind", "deposition"), P("depositionProcess", "low-k-gapfill-plasma"), P("gapWidthNm", 20),
            P("gapDepthNm", depthNm), P("gapAspectRatio", depthNm / 20), P("dielectricConstant", 3.0)).Contains("6.17.o").ShouldBe(listed);

    [Theory]
    [InlineData("2024-09-07", 45, false)]
    [InlineData("2024-09-07", 46, true)]
    [InlineData("2024-09-08", 30, false)]
    [InlineData("2024-09-08", 31, true)]
    public void Work_function_metal_ALD_precursor_vessel_limit_falls_from_45_to_30_degC(string date, double vesselDegC, bool listed) =>
        Entries(date, P("kind", "deposition"), P("depositionProcess", "work-function-metal-ald"), P("workFunctionEv", 4.2),
            P("precursorVesselTemperatureDegC", vesselDegC)).Contains("6.17.re").ShouldBe(listed);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void From_2024_09_08_thermal_SiC_film_deposition_needs_a_vertical_batch_with_two_injectors(int injectors, bool listed)
    {
        (string, ParameterValue)[] furnace = [P("kind", "deposition"), P("depositionProcess", "sic-film"), P("dielectricConstant", 5.0),
            P("gapWidthNm", 50), P("gapAspectRatio", 6), P("patternPitchNm", 90), P("remoteRadicalDeposition", "no"),
            P("depositionTemperatureDegC", 500), P("verticalWaferBoat", "yes"), P("verticalInjectorCount", injectors),
            P("separateSiliconAndNitrogenOxygenInjectors", "yes")];
        Entries("2024-09-08", furnace).Contains("6.17.ra").ShouldBe(listed);
        Entries("2024-09-07", furnace).ShouldContain("6.17.ra");
    }

    // --- 17-4 (from 2025-05-28 17-2 イ): scanning electron microscopes -----------------------------------

    private static readonly (string, ParameterValue)[] Sem =
        [P("kind", "sem"), P("stagePositioningAccuracyNm", 20), P("laserInterferometerStage", "yes"),
         P("laserInterferometerFieldCalibration", "yes"), P("imagePixelCount", 250000000), P("fieldOverlapAcquisitionPercent", 3),
         P("fieldOverlapStitchingNm", 40), P("accelerationVoltageKv", 30), P("semiStandardCarrierLoadPort", "no")];

    [Theory]
    [InlineData("2024-09-07", O.Permitted)]
    [InlineData("2024-09-08", O.LicenseRequired)]
    [InlineData("2024-09-09", O.LicenseRequired)]
    [InlineData("2025-05-28", O.LicenseRequired)]
    public void The_SEM_item_applies_from_2024_09_08(string date, O expected) =>
        Decide(date, Sem).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2024-09-08", "6.17-4")]
    [InlineData("2025-05-27", "6.17-4")]
    [InlineData("2025-05-28", "6.17-2.i")]
    public void The_SEM_item_is_17_4_until_2025_05_28_and_17_2_i_from_then(string date, string entry) =>
        Entries(date, Sem).ShouldBe([entry]);

    [Theory]
    [InlineData("stagePositioningAccuracyNm", 29.9, 30.0)]
    [InlineData("imagePixelCount", 200000001, 200000000)]
    [InlineData("fieldOverlapAcquisitionPercent", 4.9, 5.0)]
    [InlineData("fieldOverlapStitchingNm", 49.9, 50.0)]
    [InlineData("accelerationVoltageKv", 21.1, 21.0)]
    public void Each_SEM_threshold_is_held_on_one_side_only(string parameter, double inside, double outside)
    {
        Entries("2024-10-01", Sem.With(parameter, inside)).ShouldContain("6.17-4");
        Entries("2024-10-01", Sem.With(parameter, outside)).ShouldNotContain("6.17-4");
        Entries("2025-06-01", Sem.With(parameter, inside)).ShouldContain("6.17-2.i");
        Entries("2025-06-01", Sem.With(parameter, outside)).ShouldNotContain("6.17-2.i");
    }

    [Fact]
    public void A_SEM_loaded_from_SEMI_standard_carriers_is_excluded() =>
        Decide("2024-10-01", Sem.With("semiStandardCarrierLoadPort", "yes")).Outcome.ShouldBe(O.Permitted);
}
