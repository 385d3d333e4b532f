using BenchmarkDotNet.Attributes;
using Reticle.Bench.Quality;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Screening;

/// <summary>Building the screening index over the full CSL snapshot, entries already read (target: under 5 s).</summary>
[MemoryDiagnoser]
public class ScreeningIndexBuildBenchmarks
{
    private IReadOnlyList<ListEntry> _entries = [];

    [GlobalSetup]
    public void Setup() => _entries = ReferenceData.CslEntries();

    [Benchmark]
    public int Build() => ScreeningIndex.Build(_entries).NameCount;
}
