using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Reticle.Bench.Baselines;
using Reticle.Ownership;

namespace Reticle.Bench.Ownership;

/// <summary>
/// The 50 % closure over a million stakes (BIS Affiliates rule, one date) against the naive fixed-point passes, and one
/// party looked up in a computed closure (with its explanation) against working its owners out recursively per call.
/// </summary>
[MemoryDiagnoser]
public class OwnershipClosureBenchmarks
{
    private const int Lookups = 1024;
    private OwnershipWorkload _workload = null!;
    private NaiveOwnershipClosure _naive = null!;
    private OwnershipScreen _screen = null!;
    private int[] _nodes = [];

    [Params(1_000_000)]
    public int Stakes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new OwnershipWorkload(Stakes);
        _naive = new NaiveOwnershipClosure(_workload.Stakes);
        _screen = new OwnershipScreen(_workload.Graph, _workload.Listed, ImmutableSortedDictionary<string, string>.Empty);
        _screen.Closure(OwnershipRegime.BisAffiliates, OwnershipWorkload.Date);
        _nodes = [.. _workload.Parties.Select(p => _workload.Graph.Find(p, "CN"))];
    }

    [Benchmark(Baseline = true)]
    public int NaiveClosure() => _naive.Restricted(_workload.ListedNames, OwnershipWorkload.Date).Count;

    [Benchmark]
    public int Closure() => OwnershipClosure.Compute(_workload.Graph, OwnershipRegime.BisAffiliates, _workload.Listed, OwnershipWorkload.Date).RestrictedCount;

    // The naive lookup takes tens of milliseconds a party: a slice of the same parties keeps an invocation short.
    private const int NaiveLookups = 32;

    [Benchmark(OperationsPerInvoke = NaiveLookups)]
    public int NaiveLookup()
    {
        var n = 0;
        foreach (var party in _workload.Parties.AsSpan(0, NaiveLookups))
        {
            n += _naive.IsOwned(party, _workload.ListedNames, OwnershipWorkload.Date) ? 1 : 0;
        }
        return n;
    }

    /// <summary>By name (normalised, found in the graph), every regime, with the explanation of each finding.</summary>
    [Benchmark(OperationsPerInvoke = Lookups)]
    public int Lookup()
    {
        var n = 0;
        foreach (var party in _workload.Parties)
        {
            n += _screen.Find(party, "CN", OwnershipWorkload.Date).Length;
        }
        return n;
    }

    /// <summary>The yes/no alone, by graph node.</summary>
    [Benchmark(OperationsPerInvoke = Lookups)]
    public int LookupOwnedOnly()
    {
        var closure = _screen.Closure(OwnershipRegime.BisAffiliates, OwnershipWorkload.Date);
        var n = 0;
        foreach (var node in _nodes)
        {
            n += closure.IsOwned(node) ? 1 : 0;
        }
        return n;
    }

    /// <summary><c>dotnet run -c Release --project bench/Reticle.Bench -- ownership [STAKES]</c>: one timed pass of each step, for the notes.</summary>
    public static int Report(string[] args)
    {
        var stakes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var clock = Stopwatch.StartNew();
        var workload = new OwnershipWorkload(stakes);
        Console.WriteLine($"generated and laid out {workload.Stakes.Length:N0} stakes over {workload.Graph.NodeCount:N0} entities, {workload.Listed.Count:N0} listed: {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var graph = OwnershipGraph.Build(workload.Stakes);
        Console.WriteLine($"graph build (names normalised, arrays laid out): {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var closure = OwnershipClosure.Compute(graph, OwnershipRegime.BisAffiliates, workload.Listed, OwnershipWorkload.Date);
        Console.WriteLine($"closure: {clock.Elapsed.TotalMilliseconds:0} ms, {closure.RestrictedCount:N0} restricted");
        var screen = new OwnershipScreen(graph, workload.Listed, ImmutableSortedDictionary<string, string>.Empty);
        foreach (var regime in OwnershipRegime.All)
        {
            screen.Closure(regime, OwnershipWorkload.Date);
        }
        clock.Restart();
        var found = 0;
        for (var round = 0; round < 10; round++)
        {
            foreach (var party in workload.Parties)
            {
                found += screen.Find(party, "CN", OwnershipWorkload.Date).Length;
            }
        }
        Console.WriteLine($"lookup by name with explanation: {clock.Elapsed.TotalMicroseconds / (10.0 * workload.Parties.Length):0.0} µs per party ({found / 10} findings per {workload.Parties.Length})");
        var bis = screen.Closure(OwnershipRegime.BisAffiliates, OwnershipWorkload.Date);
        clock.Restart();
        var nodes = 0;
        for (var round = 0; round < 10; round++)
        {
            foreach (var party in workload.Parties)
            {
                nodes += graph.Find(party, "CN") >= 0 ? 1 : 0;
            }
        }
        Console.WriteLine($"  of which finding the party by name: {clock.Elapsed.TotalMicroseconds / (10.0 * workload.Parties.Length):0.00} µs");
        var found2 = workload.Parties.Select(p => graph.Find(p, "CN")).ToArray();
        clock.Restart();
        var owned = 0;
        for (var round = 0; round < 100; round++)
        {
            foreach (var node in found2)
            {
                owned += bis.IsOwned(node) ? 1 : 0;
            }
        }
        Console.WriteLine($"  owned or not, by node: {clock.Elapsed.TotalMicroseconds * 1000 / (100.0 * found2.Length):0} ns");
        foreach (var regime in OwnershipRegime.All)
        {
            var c = screen.Closure(regime, OwnershipWorkload.Date);
            var worst = found2.Where(n => n >= 0).Select(n => { var w = Stopwatch.StartNew(); var f = c.Find(n); return (f, w.Elapsed.TotalMicroseconds); })
                .Where(x => x.f is not null).OrderByDescending(x => x.TotalMicroseconds).Take(3).ToList();
            foreach (var (f, us) in worst)
            {
                Console.WriteLine($"  slowest {regime.Code} finding: {us:0} µs ({f!.Status}, {f.Paths.Length} paths, {f.ListedOwners.Length} listed owners, {f.Missing.Length} missing)");
            }
        }
        clock.Restart();
        var naive = new NaiveOwnershipClosure(workload.Stakes).Restricted(workload.ListedNames, OwnershipWorkload.Date);
        Console.WriteLine($"naive closure: {clock.Elapsed.TotalSeconds:0.00} s, {naive.Count:N0} owned (engine: {Enumerable.Range(0, graph.NodeCount).Count(closure.IsOwned):N0} owned)");
        return 0;
    }
}
