using BenchmarkDotNet.Attributes;
using Reticle.Bench.Baselines;
using Reticle.Bench.Quality;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Screening;

/// <summary>
/// Screening one name against every name and alias of the full US Consolidated Screening List snapshot (25,921
/// entries): the index against the brute-force best-pairs Jaro-Winkler baseline, one well-known name and a mix of
/// realistic queries (listed names with slips, and names of non-listed persons).
/// </summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private const int Mix = 64;
    private ScreeningIndex _index = null!;
    private BruteForceJaroWinkler _baseline = null!;
    private ScreeningQuery[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var entries = ReferenceData.CslEntries();
        _index = ScreeningIndex.Build(entries);
        _baseline = new BruteForceJaroWinkler(entries);
        _queries = [.. MatchingQuality.RealisticQueries(entries, [.. ReferenceData.Negatives().Take(2000).Select(n => n.Name)], Mix)];
    }

    [Benchmark(Baseline = true)]
    public int BruteForceOneName() => _baseline.Screen("Semiconductor Manufacturing Intl. Corp.", 0.8, 10).Count;

    [Benchmark]
    public int IndexOneName() => _index.Screen(new ScreeningQuery("Semiconductor Manufacturing Intl. Corp.", Country: "CN")).Length;

    [Benchmark(OperationsPerInvoke = Mix)]
    public int BruteForceMix()
    {
        var n = 0;
        foreach (var q in _queries)
        {
            n += _baseline.Screen(q.Name, 0.8, 10).Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Mix)]
    public int IndexMix()
    {
        var n = 0;
        foreach (var q in _queries)
        {
            n += _index.Screen(q).Length;
        }
        return n;
    }
}
