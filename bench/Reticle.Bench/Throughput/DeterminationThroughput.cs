using System.Diagnostics;
using Reticle.Determination;
using Reticle.Rules.Packs;
using Reticle.Rules.Compilation;

namespace Reticle.Bench.Throughput;

/// <summary>
/// Full determinations per second of one core, measured in the thread's own CPU time rather than wall time,
/// so that other work on a shared machine does not count against it (BenchmarkDotNet's wall-clock figures
/// swing by half on this 2-core machine when anything else runs). Same workload as
/// <see cref="DeterminationBenchmarks"/>: the bundled packs, 4,096 transactions across the story.
/// </summary>
/// <remarks><c>dotnet run -c Release --project bench/Reticle.Bench -- throughput [seconds] [full]</c></remarks>
internal static class DeterminationThroughput
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 10;
        var errors = new List<PackError>();
        var rules = RuleSetCompiler.Compile(RulePackLoader.ReadAll(Workload.PackSources(), errors), errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        var transactions = Workload.Transactions(4096, Workload.Catalog());

        Measure("warm-up", rules, transactions, 2, full: true);
        // "full" alone skips the outcomes-only pass (for profiling the explanation pass by itself).
        if (!args.Contains("full"))
        {
            Measure("outcomes only", rules, transactions, seconds, full: false);
        }
        Measure("full determination", rules, transactions, seconds, full: true);
        return 0;
    }

    private static void Measure(string what, RuleSet rules, Reticle.Model.Transaction[] transactions, double seconds, bool full)
    {
        var startCpu = CurrentThreadCpu();
        var startBytes = GC.GetAllocatedBytesForCurrentThread();
        var startGen0 = GC.CollectionCount(0);
        var startPause = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        long count = 0;
        var sink = 0;
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            foreach (var t in transactions)
            {
                sink += full ? DeterminationEngine.Determine(rules, t).Jurisdictions.Length : DeterminationEngine.Outcomes(rules, t).Jurisdictions.Length;
            }
            count += transactions.Length;
        }
        var cpu = CurrentThreadCpu() - startCpu;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - startBytes;
        var gen0 = GC.CollectionCount(0) - startGen0;
        var pause = GC.GetTotalPauseDuration() - startPause;
        Console.WriteLine($"{what,-20} {count,10:N0} determinations in {cpu.TotalSeconds,6:0.00} s CPU ({wall.Elapsed.TotalSeconds:0.00} s wall): " +
            $"{count / cpu.TotalSeconds,10:N0} per CPU-second, {cpu.TotalMilliseconds * 1000 / count:0.00} µs each, " +
            $"{bytes / count:N0} bytes allocated each, {gen0} gen0 collections pausing {pause.TotalMilliseconds:N0} ms (checksum {sink})");
    }

    // The calling thread's CPU time (user + system), from /proc on Linux; the process's on other systems.
    private static TimeSpan CurrentThreadCpu()
    {
        var stat = $"/proc/self/task/{Gettid()}/stat";
        if (!File.Exists(stat))
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }
        var fields = File.ReadAllText(stat);
        var afterName = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) after the command name.
        var ticks = long.Parse(afterName[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(afterName[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "gettid")]
    private static extern int Gettid();
}
