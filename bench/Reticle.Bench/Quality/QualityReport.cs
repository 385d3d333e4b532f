using System.Diagnostics;
using System.Globalization;
using Reticle.Bench.Baselines;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Quality;

/// <summary>
/// `dotnet run -c Release --project bench/Reticle.Bench -- quality [--negatives N] [--verbose]`: the matcher's
/// figures on the public reference sets, printed.
/// </summary>
internal static class QualityReport
{
    public static int Run(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var verbose = args.Contains("--verbose");
        var negativesWanted = Option(args, "--negatives") ?? 50_000;

        var clock = Stopwatch.StartNew();
        var entries = ReferenceData.CslEntries();
        var read = clock.Elapsed;
        clock.Restart();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var index = ScreeningIndex.Build(entries);
        var built = clock.Elapsed;
        var memory = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Console.WriteLine($"CSL snapshot: {entries.Count} entries read in {read.TotalSeconds:0.00} s; index of {index.NameCount} names built in {built.TotalSeconds:0.00} s, {memory / 1048576.0:0} MiB managed");
        var threshold = ScreeningIndex.DefaultThreshold;
        var smic = index.Screen(new ScreeningQuery("Semiconductor Manufacturing Intl. Corp.", Country: "CN", Limit: 3));
        Console.WriteLine($"Example: 'Semiconductor Manufacturing Intl. Corp.' (CN): {smic.Length} hits; top {smic[0].Entry.List} '{smic[0].Entry.Name}' via '{smic[0].MatchedName}' {smic[0].Score:0.000}");
        foreach (var line in smic[0].Explanation)
        {
            Console.WriteLine("    " + line);
        }

        // 1. Name benchmark
        var cases = ReferenceData.NameBench();
        var scored = MatchingQuality.ScoreNameBench(index.Comparer, cases);
        var at = MatchingQuality.At(scored, threshold);
        Console.WriteLine();
        Console.WriteLine($"Name benchmark (nomenklatura, {cases.Count} pairs) at {threshold:0.00}: P {at.Precision:0.000} R {at.Recall:0.000} F1 {at.F1:0.000}  (TP {at.TruePositives} FP {at.FalsePositives} TN {at.TrueNegatives} FN {at.FalseNegatives}); logic-v2 reference P 0.762 R 0.821 F1 0.790 @0.70");
        Console.WriteLine("  sweep: " + string.Join("  ", new[] { 0.65, 0.70, 0.75, 0.80, 0.85, 0.90 }.Select(t => MatchingQuality.At(scored, t)).Select(r => $"{r.Threshold:0.00}: P {r.Precision:0.000} R {r.Recall:0.000} F1 {r.F1:0.000}")));
        foreach (var group in scored.GroupBy(s => s.Case.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var g = MatchingQuality.At(group, threshold);
            Console.WriteLine($"  {group.Key,-16} n {group.Count(),3}: P {g.Precision:0.000} R {g.Recall:0.000} F1 {g.F1:0.000}");
        }
        var strongMisses = scored.Where(s => s.Case.Quality == "STRONG" && (s.Score >= threshold) != s.Case.IsMatch).ToList();
        Console.WriteLine($"  STRONG-tier cases wrong: {strongMisses.Count} of {scored.Count(s => s.Case.Quality == "STRONG")}");
        if (verbose)
        {
            foreach (var (c, score) in scored.Where(s => (s.Score >= threshold) != s.Case.IsMatch).OrderBy(s => s.Case.IsMatch))
            {
                Console.WriteLine($"    {(c.IsMatch ? "FN" : "FP")} {score:0.000} [{c.Group}/{c.Schema}/{c.Quality}] {c.Name1} | {c.Name2}");
            }
        }

        // 2. OFAC parity
        var parity = MatchingQuality.Ofac(ReferenceData.OfacObservations());
        Console.WriteLine();
        Console.WriteLine($"OFAC parity (--mode ofac): {parity.Within5}/{parity.Rows} observed scores within 5 points ({parity.Share:0.0%}), mean |delta| {parity.MeanAbsoluteError:0.00}; OFAC no-hit rows scored below 50: {parity.NoHitBelow50}/{parity.NoHitRows}");
        if (verbose)
        {
            parity.Misses.ToList().ForEach(m => Console.WriteLine("    " + m));
        }

        // 3. Cross-script
        var cross = MatchingQuality.CrossScript(entries, ReferenceData.CrossScriptPairs());
        Console.WriteLine();
        Console.WriteLine($"Cross-script pairs (watchman): {cross.Found}/{cross.Pairs} found (score >= the pair's minimum, or top hit) against the CSL plus the expected names");
        foreach (var line in cross.Lines)
        {
            Console.WriteLine("    " + line);
        }

        // 4. False alerts
        var negatives = ReferenceData.Negatives().Select(n => n.Name).Take(negativesWanted).ToList();
        clock.Restart();
        var alerts = MatchingQuality.Alerts(index, negatives, 0.7);
        var alertTime = clock.Elapsed;
        Console.WriteLine();
        Console.WriteLine($"False alerts: {alerts.AlertedAt(threshold)} of {alerts.Screened} synthetic non-listed persons (name only, as persons) alert against the full CSL at {threshold:0.00}: {alerts.RateAt(threshold):0.00%} ({alertTime.TotalSeconds:0.0} s, {alertTime.TotalMilliseconds / alerts.Screened:0.000} ms each at a 0.70 floor)");
        Console.WriteLine("  sweep: " + string.Join("  ", new[] { 0.70, 0.75, 0.80, 0.85, 0.90 }.Select(t => $"{t:0.00}: {alerts.RateAt(t):0.00%}")));
        foreach (var example in alerts.Examples(threshold).Take(verbose ? 40 : 8))
        {
            Console.WriteLine("    " + example);
        }
        var congress = MatchingQuality.Alerts(index, ReferenceData.CongressMembers(), 0.7);
        Console.WriteLine($"US Congress members (not listed; common names): {congress.AlertedAt(threshold)} of {congress.Screened} alert: {congress.RateAt(threshold):0.00%}");
        foreach (var example in congress.Examples(threshold).Take(verbose ? 25 : 5))
        {
            Console.WriteLine("    " + example);
        }

        // 5. Latency
        var queries = MatchingQuality.RealisticQueries(entries, negatives, 2000);
        var latency = MatchingQuality.Time(index, queries);
        Console.WriteLine();
        Console.WriteLine($"Latency, one thread, {latency.Queries} realistic queries against {index.NameCount} names: p50 {latency.P50Milliseconds:0.000} ms, p99 {latency.P99Milliseconds:0.000} ms, mean {latency.MeanMilliseconds:0.000} ms, max {latency.MaxMilliseconds:0.0} ms");

        // 6. Baseline: brute-force best-pairs Jaro-Winkler, no index
        var baseline = new BruteForceJaroWinkler(entries);
        var baselineScored = cases.Select(c => (c, BruteForceJaroWinkler.Score(c.Name1, c.Name2))).ToList();
        var baselineBest = new[] { 0.70, 0.75, 0.80, 0.85, 0.90, 0.95 }.Select(t => MatchingQuality.At(baselineScored, t)).MaxBy(r => r.F1)!;
        var sample = queries.Take(100).ToList();
        clock.Restart();
        foreach (var q in sample)
        {
            baseline.Screen(q.Name, baselineBest.Threshold, 10);
        }
        var baselineMean = clock.Elapsed.TotalMilliseconds / sample.Count;
        Console.WriteLine($"Baseline (brute-force best-pairs Jaro-Winkler over {baseline.NameCount} names): name benchmark best F1 {baselineBest.F1:0.000} (P {baselineBest.Precision:0.000} R {baselineBest.Recall:0.000} at {baselineBest.Threshold:0.00}); {baselineMean:0.0} ms per query (mean of {sample.Count}): the index is {baselineMean / latency.MeanMilliseconds:0}x faster on the mean");
        return 0;
    }

    private static int? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }
}
