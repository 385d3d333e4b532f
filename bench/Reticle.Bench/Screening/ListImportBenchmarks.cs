using BenchmarkDotNet.Attributes;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Import;

namespace Reticle.Bench.Screening;

/// <summary>
/// Importing the two largest real lists from bytes already in memory (the shared reference data):
/// OFAC's full SDN CSV (3.9 MB, 14,965 entries) and the full CSL JSON (9.9 MB, 25,921 entries).
/// </summary>
[MemoryDiagnoser]
public class ListImportBenchmarks
{
    private ListFile _sdn = new("sdn.csv", []);
    private ListFile _csl = new("consolidated.json", []);

    [GlobalSetup]
    public void Setup()
    {
        var lists = Path.Combine(Workload.Root, "..", "shared", "data", "lists");
        _sdn = new ListFile("sdn.csv", File.ReadAllBytes(Path.Combine(lists, "ofac", "ofac_sdn", "sdn_2024-05-03.csv")));
        _csl = new ListFile("consolidated.json", File.ReadAllBytes(Path.Combine(lists, "us-csl-2026-07-31.json")));
    }

    [Benchmark]
    public ListSnapshot OfacSdnCsv() => Import("ofac-csv", _sdn);

    [Benchmark]
    public ListSnapshot CslJson() => Import("csl-json", _csl);

    private static ListSnapshot Import(string format, ListFile file)
    {
        var errors = new List<InputError>();
        return ListImporter.Read(format, [file], errors) ?? throw new InvalidOperationException(string.Join("\n", errors));
    }
}
