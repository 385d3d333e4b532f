using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Reticle.Impact;
using Reticle.Model;

namespace Reticle.Bench.Impact;

/// <summary>
/// Impact analysis over 100,000 open orders, the in-memory engine part (the store's reads excluded):
/// screening per distinct party set, an outcomes-only pass on both sides, full determinations for the
/// orders that change. Target: 10 s. Decided in batches on every core (<see cref="ImpactAnalysis.ChangesAsync{T}"/>, as
/// <c>reticle impact</c> does), against the baseline of one order after the other on the calling thread
/// (<see cref="ImpactAnalysis.Run"/>, the analysis as it was before its batches were spread over the cores).
/// </summary>
/// <remarks>
/// dotnet run -c Release --project bench/Reticle.Bench -- impact [orders]       one timed run, quick
/// dotnet run -c Release --project bench/Reticle.Bench -- --filter '*ImpactBenchmarks*' --job dry
/// </remarks>
[MemoryDiagnoser]
public class ImpactBenchmarks
{
    private const int Count = 100_000;
    private Transaction[] _orders = [];
    private ImpactSide _before = null!;
    private ImpactSide _after = null!;

    [GlobalSetup]
    public void Setup() => (_orders, _before, _after) = ImpactWorkload.Create(Count);

    [Benchmark(Baseline = true)]
    public int HundredThousandOpenOrdersOnOneCore() => ImpactAnalysis.Run(_orders, _before, _after).Changes.Length;

    [Benchmark]
    public int HundredThousandOpenOrders() => OnEveryCore(_orders, _before, _after).Changes.Length;

    // As reticle impact takes them, the changes collected here for a figure comparable with Run's.
    private static ImpactReport OnEveryCore(Transaction[] orders, ImpactSide before, ImpactSide after)
    {
        var tally = new ImpactTally();
        var changes = ImpactAnalysis.ChangesAsync(orders.ToAsyncEnumerable(), o => o, before, after, tally).ToBlockingEnumerable().ToImmutableArray();
        return new ImpactReport(tally.Summary(before.KnownAt, after.KnownAt), changes);
    }

    /// <summary>A plain timed run, for a figure without BenchmarkDotNet's many iterations.</summary>
    public static int Report(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : Count;
        var setup = Stopwatch.StartNew();
        var (orders, before, after) = ImpactWorkload.Create(count);
        Console.WriteLine($"setup: {orders.Length:N0} orders, {before.Basis.Licenses.Events.Length} licence events, {setup.Elapsed.TotalSeconds:0.0} s");
        for (var run = 1; run <= 3; run++)
        {
            foreach (var (label, analysis) in new (string, Func<ImpactReport>)[]
                { ("one core", () => ImpactAnalysis.Run(orders, before, after)), ($"{Environment.ProcessorCount} cores", () => OnEveryCore(orders, before, after)) })
            {
                var watch = Stopwatch.StartNew();
                var report = analysis();
                watch.Stop();
                Console.WriteLine($"run {run}, {label}: {report.Evaluated:N0} evaluated, {report.Changes.Length:N0} changed, {watch.Elapsed.TotalSeconds:0.00} s ({watch.Elapsed.TotalMicroseconds / report.Evaluated:0.0} µs per order)");
            }
        }
        return 0;
    }
}
