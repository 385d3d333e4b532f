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
/// per determination.
/// </summary>
[MemoryDiagnoser]
public class DeterminationStoreBenchmarks
{
    private SqliteStore _store = null!;
    private string _directory = null!;
    private DeterminationRecord[] _records = null!;
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
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
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
