using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Model;
using Reticle.Rules.Packs;
using Reticle.WhatIf;

namespace Reticle.Bench.Impact;

/// <summary>
/// What-if over 100,000 open orders, the in-memory engine part: the impact workload's orders, lists and licences as
/// known at 2024-01-02, with and without a draft that adds a jurisdiction reaching every Dutch export of DUV
/// lithography to China. Against a naive baseline that decides every order in full on both sides.
/// </summary>
/// <remarks>
/// dotnet run -c Release --project bench/Reticle.Bench -- whatif [orders]       one timed run, quick
/// dotnet run -c Release --project bench/Reticle.Bench -- --filter '*WhatIfBenchmarks*' --job dry
/// </remarks>
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private const int Count = 100_000;

    /// <summary>A draft as a user would write it from docs/rule-packs.md: a new jurisdiction, one entry, one requirement.</summary>
    public const string Draft = """
        pack: bench.draft
        jurisdiction: DE
        citation: bench draft
        published: 2023-06-01
        effective: { from: 2023-01-01 }
        controlList: BENCH-DRAFT
        reach: from == NL
        controls:
          - id: duv
            when: kind == lithography and wavelengthNm >= 193 nm and numericalAperture > 1.0
        requirements:
          - id: bench.draft.duv
            activities: [export]
            items: [duv]
            when: to in [CN, MO]
            effect: license-required
            citation: bench draft
        """;

    private Transaction[] _orders = [];
    private DecisionBasis _inUse = null!;
    private DecisionBasis _withDrafts = null!;
    private IReadOnlyList<DraftPack> _drafts = [];

    [GlobalSetup]
    public void Setup() => (_orders, _inUse, _withDrafts, _drafts) = Create(Count);

    [Benchmark]
    public int HundredThousandOpenOrders() => WhatIfAnalysis.Run(_orders, _inUse, _withDrafts, _drafts, ImpactWorkload.B, ImpactWorkload.B).Changes.Material;

    /// <summary>The naive way: both sides decided in full for every order, then compared.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveBothSidesInFull()
    {
        var changed = 0;
        foreach (var order in _orders)
        {
            var (a, b) = (_inUse.Decide(order), _withDrafts.Decide(order));
            changed += a.Outcome.ClassOf() != b.Outcome.ClassOf() ? 1 : 0;
        }
        return changed;
    }

    private static (Transaction[], DecisionBasis, DecisionBasis, IReadOnlyList<DraftPack>) Create(int count)
    {
        var (orders, _, after) = ImpactWorkload.Create(count);
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(RulePackLoader.ReadAll(Workload.PackSources(), errors), [new RulePackSource("bench-draft.yaml", Draft)], ImpactWorkload.B, errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        var inUse = after.Basis with { Rules = compiled.InUse };
        return (orders, inUse, DecisionBasis.Of(compiled.WithDrafts, inUse.Catalog, inUse.Screen!.Index, inUse.ListVersions, inUse.Licenses), compiled.Drafts);
    }

    /// <summary>A plain timed run, for a figure without BenchmarkDotNet's many iterations.</summary>
    public static int Report(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : Count;
        var setup = Stopwatch.StartNew();
        var (orders, inUse, withDrafts, drafts) = Create(count);
        Console.WriteLine($"setup: {orders.Length:N0} orders, {setup.Elapsed.TotalSeconds:0.0} s");
        for (var run = 1; run <= 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var report = WhatIfAnalysis.Run(orders, inUse, withDrafts, drafts, ImpactWorkload.B, ImpactWorkload.B);
            watch.Stop();
            Console.WriteLine($"run {run}: {report.Changes.Evaluated:N0} evaluated, {report.Changes.Material:N0} changed, {report.Changes.Immaterial:N0} only reached, {watch.Elapsed.TotalSeconds:0.00} s ({watch.Elapsed.TotalMicroseconds / report.Changes.Evaluated:0.0} µs per order)");
        }
        var naive = new WhatIfBenchmarks { _orders = orders, _inUse = inUse, _withDrafts = withDrafts, _drafts = drafts };
        var timer = Stopwatch.StartNew();
        var changed = naive.NaiveBothSidesInFull();
        Console.WriteLine($"naive (both sides in full): {changed:N0} changed class, {timer.Elapsed.TotalSeconds:0.00} s");
        return 0;
    }
}
