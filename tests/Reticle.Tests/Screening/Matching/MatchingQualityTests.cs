using Reticle.Bench.Quality;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

/// <summary>
/// Floors under the matcher's measured quality (see docs/screening.md and the quality report:
/// <c>dotnet run -c Release --project bench/Reticle.Bench -- quality</c>): a change that lowers one fails here.
/// </summary>
public sealed class MatchingQualityTests
{
    [Fact]
    public void The_name_benchmark_keeps_its_f1_at_the_default_threshold()
    {
        var scored = MatchingQuality.ScoreNameBench(CslScreening.Index.Comparer, ReferenceData.NameBench());
        var at = MatchingQuality.At(scored, ScreeningIndex.DefaultThreshold);
        at.F1.ShouldBeGreaterThanOrEqualTo(0.850 - 0.02);
        at.Precision.ShouldBeGreaterThanOrEqualTo(0.916 - 0.03);
        scored.Where(s => s.Case.Quality == "STRONG" && (s.Score >= ScreeningIndex.DefaultThreshold) != s.Case.IsMatch).ShouldBeEmpty();
    }

    [Fact]
    public void Ofac_mode_reproduces_ofacs_observed_scores_within_five_points()
    {
        var parity = MatchingQuality.Ofac(ReferenceData.OfacObservations());
        parity.Share.ShouldBeGreaterThanOrEqualTo(0.95);
        parity.MeanAbsoluteError.ShouldBeLessThan(2.0);
    }

    [Fact]
    public void Cross_script_queries_find_their_latin_names()
    {
        var result = MatchingQuality.CrossScript(CslScreening.Entries, ReferenceData.CrossScriptPairs());
        result.Found.ShouldBeGreaterThanOrEqualTo(19, string.Join("\n", result.Lines));
    }

    [Fact]
    public void Few_synthetic_non_listed_persons_raise_an_alert()
    {
        // Every tenth of the 50,000, to stay fast; the full set measures 1.00 % (quality report).
        var sample = ReferenceData.Negatives().Where((_, i) => i % 10 == 0).Select(n => n.Name).ToList();
        var alerts = MatchingQuality.Alerts(CslScreening.Index, sample, ScreeningIndex.DefaultThreshold);
        alerts.RateAt(ScreeningIndex.DefaultThreshold).ShouldBeLessThanOrEqualTo(0.0100 + 0.005, string.Join("\n", alerts.Examples(ScreeningIndex.DefaultThreshold)));
    }
}
