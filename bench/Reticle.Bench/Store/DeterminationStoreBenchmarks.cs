using BenchmarkDotNet.Attributes;
using NodaTime;
using Reticle.Determination;
using Reticle.Store;
using Reticle.Store.Sqlite;

namespace Reticle.Bench.Store;

/// <summary>
/// Storing determinations with their audit records in SQLite, as the API's group commit does: one
/// transaction for a batch of <see cref="Batch"/> determinations. The baseline is a transaction per
/// determination (Batch = 1), which is what each request would pay without group commit. Figures are
/// per determination; <see cref="StorePrepared"/> leaves out encoding the audit payloads, as the API's writer does.
/// </summary>
[MemoryDiagnoser]
public class DeterminationStoreBenchmarks
{
    private SqliteStore _store = null!;
    private string _directory = null!;
    private DeterminationRecord[] _records = null!;
    private PreparedDetermination[] _prepared = null!;
    private Instant _at = Instant.FromUtc(2026, 11, 25, 12, 0);

    [Params(1, 64)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("reticle-bench-store").FullName;
        _store = SqliteStore.Open(_directory);
        _store.MigrateAsync().GetAwaiter().GetResult();
        var errors = new List<Reticle.Rules.Packs.PackError>();
        var rules = Reticle.Rules.Compilation.RuleSetCompiler.Compile(Reticle.Rules.Packs.RulePackLoader.ReadAll(Workload.PackSources(), errors), errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        var transactions = Workload.Transactions(Batch, Workload.Catalog());
        _records = [.. transactions.Select(t =>
        {
            var determination = DeterminationEngine.Determine(rules, t);
            return new DeterminationRecord(t.Id, determination.AsOf, determination.KnownAt, determination.Outcome.ToWire(), determination.RuleSetHash,
                $$"""{"id":"{{t.Id}}","date":"{{determination.AsOf}}"}""", DeterminationJson.ToJson(determination).ToJsonString());
        })];
        _prepared = [.. _records.Select(PreparedDetermination.Prepare)];
    }

    /// <summary>A timed loop of <see cref="StorePrepared"/> for profiling: <c>-- store [seconds]</c>.</summary>
    public static int Loop(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var bench = new DeterminationStoreBenchmarks { Batch = 64 };
        bench.Setup();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        long stored = 0;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            bench.StorePrepared().GetAwaiter().GetResult();
            stored += 64;
        }
        Console.WriteLine($"{stored:N0} determinations stored in {stopwatch.Elapsed.TotalSeconds:0.0} s: {stopwatch.Elapsed.TotalMilliseconds * 1000 / stored:0} µs each");
        bench.Cleanup();
        return 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>What the API's single writer is left with: payloads already encoded on the requests' threads.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public async Task StorePrepared()
    {
        for (var stored = 0; stored < 64; stored += Batch)
        {
            _at = _at.Plus(Duration.FromMilliseconds(1));
            await _store.RecordDeterminationsAsync(_prepared, "bench", _at);
        }
    }

    [Benchmark(OperationsPerInvoke = 64)]
    public async Task Store()
    {
        // 64 determinations per invocation whatever the batch size, so the figures compare per determination.
        for (var stored = 0; stored < 64; stored += Batch)
        {
            _at = _at.Plus(Duration.FromMilliseconds(1));
            await _store.RecordDeterminationsAsync(_records, "bench", _at);
        }
    }
}
