using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.JapaneseTool;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// Parts and accessories (item 17 heading: 又はこれらの部分品若しくは附属品; none for 17-2 and 17-4) and the
/// process alternatives of レ and ラ that the 2024-09-08 text rewrote, on both sides of the date.
/// </summary>
public sealed class JapanPartsAndProcessTests
{
    private static O SparePart(string date, params (string Name, ParameterValue Value)[] parent)
    {
        var t = Export(date, [P("kind", "spare-part")]) with { Activity = Activity.SpareParts };
        t = t with { Item = t.Item with { Parent = new Item { Parameters = parent.ToImmutableDictionary(p => p.Name, p => p.Value) } } };
        return DeterminationEngine.Determine(BundledRules.Rules, t, null, []).Jurisdictions.Single(j => j.Jurisdiction == "JP").Outcome;
    }

    [Theory]
    [InlineData("2023-08-01")]
    [InlineData("2024-10-01")]
    [InlineData("2025-06-01")]
    public void A_spare_part_of_a_listed_EUV_track_is_listed_with_it(string date) =>
        SparePart(date, P("kind", "resist-processing"), P("designedForEuv", "yes")).ShouldBe(O.LicenseRequired);

    [Fact]
    public void A_spare_part_of_an_unlisted_track_is_not_listed() =>
        SparePart("2025-06-01", P("kind", "resist-processing"), P("designedForEuv", "no")).ShouldBe(O.Permitted);

    [Fact]
    public void A_spare_part_of_a_listed_SEM_is_not_listed_item_17_2_names_no_parts() =>
        SparePart("2025-06-01", P("kind", "sem"), P("stagePositioningAccuracyNm", 20), P("laserInterferometerStage", "yes"),
            P("laserInterferometerFieldCalibration", "yes"), P("imagePixelCount", 250000000), P("fieldOverlapAcquisitionPercent", 3),
            P("fieldOverlapStitchingNm", 40), P("accelerationVoltageKv", 30), P("semiStandardCarrierLoadPort", "no")).ShouldBe(O.Permitted);

    [Theory]
    [InlineData("2024-09-07", "cobalt-fill-cvd", false)]
    [InlineData("2024-09-08", "cobalt-fill-cvd", true)]
    [InlineData("2024-09-09", "cobalt-fill-cvd", true)]
    [InlineData("2024-09-07", "cobalt-electroless-plating", false)]
    [InlineData("2024-09-08", "cobalt-electroless-plating", true)]
    [InlineData("2024-09-08", "selective-bottom-up-tungsten-cvd", true)]
    public void From_2024_09_08_cobalt_CVD_fill_electroless_cobalt_and_selective_tungsten_fill_are_listed(string date, string process, bool listed) =>
        Entries(date, P("kind", "deposition"), P("depositionProcess", process)).Contains("6.17.re").ShouldBe(listed);

    [Theory]
    [InlineData(3.1, false)]
    [InlineData(3, true)]
    public void Until_2024_09_08_bottom_up_fill_CVD_needs_a_void_of_3_nm_or_less(double voidNm, bool listed) =>
        Entries("2023-08-01", P("kind", "deposition"), P("depositionProcess", "bottom-up-fill-cvd"), P("fillVoidMaxNm", voidNm))
            .Contains("6.17.re").ShouldBe(listed);

    [Theory]
    [InlineData("cobalt", "no", O.LicenseRequired)]
    [InlineData("tungsten", "yes", O.LicenseRequired)]
    [InlineData("tungsten", "no", O.Permitted)]
    public void From_2024_09_08_bottom_up_fill_CVD_is_listed_for_cobalt_or_selective_tungsten_whatever_the_void(string metal, string selective, O expected) =>
        Decide("2024-10-01", P("kind", "deposition"), P("depositionProcess", "bottom-up-fill-cvd"), P("fillVoidMaxNm", 5),
            P("fillMetal", metal), P("selectiveDeposition", selective)).Outcome.ShouldBe(expected);

    [Fact]
    public void From_2024_09_08_bottom_up_fill_CVD_without_its_metal_needs_review() =>
        Decide("2024-10-01", P("kind", "deposition"), P("depositionProcess", "bottom-up-fill-cvd"), P("fillVoidMaxNm", 5)).Outcome.ShouldBe(O.Review);

    [Theory]
    [InlineData(39.9, "no", true)]
    [InlineData(40, "no", false)]
    [InlineData(60, "yes", true)]
    public void From_2024_09_08_tungsten_ALD_fills_gaps_under_40_nm_or_whole_interconnects(double gapNm, string wholeInterconnect, bool listed) =>
        Entries("2024-10-01", P("kind", "deposition"), P("depositionProcess", "tungsten-ald"), P("depositionTemperatureDegC", 400),
            P("gapWidthNm", gapNm), P("fillsEntireInterconnect", wholeInterconnect)).Contains("6.17.re").ShouldBe(listed);

    [Theory]
    [InlineData(5.3, false)]
    [InlineData(5.2, true)]
    public void Remote_radical_SiC_film_deposition_is_listed_below_k_5_3_at_any_temperature(double k, bool listed) =>
        Entries("2025-06-01", P("kind", "deposition"), P("depositionProcess", "sic-film"), P("remoteRadicalDeposition", "yes"),
            P("dielectricConstant", k), P("gapWidthNm", 50), P("gapAspectRatio", 6), P("patternPitchNm", 90), P("depositionTemperatureDegC", 300))
            .Contains("6.17.ra").ShouldBe(listed);

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Wafer_shape_metrology_for_an_EUV_scanner_is_listed_whatever_the_NA(string euv, bool listed) =>
        Entries("2025-06-01", P("kind", "metrology"), P("metrologyFunction", "pre-exposure-wafer-shape"), P("standalone", "yes"),
            P("servedScannerNumericalAperture", 0.33), P("servedScannerEuv", euv)).Contains("6.17.shi.1").ShouldBe(listed);
}
