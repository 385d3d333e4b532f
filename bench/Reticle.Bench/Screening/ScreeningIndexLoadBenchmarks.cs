using BenchmarkDotNet.Attributes;
using Reticle.Bench.Quality;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Screening;

/// <summary>
/// What a warm one-shot command does instead of building the index: read its persisted form back (from memory here, so
/// the figure is the index's own cost, not the disk's) and screen one name, which makes only the names and entries it
/// scores. Baseline: building the index from the entries, which is what every command did before the index was kept.
/// </summary>
[MemoryDiagnoser]
public class ScreeningIndexLoadBenchmarks
{
    private IReadOnlyList<ListEntry> _entries = [];
    private byte[] _persisted = [];
    private static readonly ScreeningQuery Query = new("Semiconductor Manufacturing International Corporation", "CN");

    [GlobalSetup]
    public void Setup()
    {
        _entries = ReferenceData.CslEntries();
        using var bytes = new MemoryStream();
        ScreeningIndex.Build(_entries).WriteTo(bytes);
        _persisted = bytes.ToArray();
    }

    [Benchmark(Baseline = true)]
    public int BuildAndScreen() => ScreeningIndex.Build(_entries).Screen(Query).Length;

    [Benchmark]
    public int LoadAndScreen() =>
        (ScreeningIndex.ReadFrom(new MemoryStream(_persisted, writable: false)) ?? throw new InvalidOperationException("does not read back")).Screen(Query).Length;
}
