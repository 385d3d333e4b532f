using NodaTime;
using Reticle.Audit;

namespace Reticle.Store.Tests;

/// <summary>
/// The job store on both databases: a shard's results land once however often it runs, only the landing moves the job on,
/// an ended job gains nothing, and completion is sealed once.
/// </summary>
public abstract class JobStoreContractTests
{
    protected abstract Task<SqlStore> OpenStoreAsync();

    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 5, 10, 0);

    private static async IAsyncEnumerable<JobInput> Inputs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new JobInput(i + 2, $"P{i}", $"{{\"id\":\"P{i}\"}}");
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_shard_run_twice_lands_once_and_the_job_completes_once_with_its_seal()
    {
        await using var store = await OpenStoreAsync();
        var job = await store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV68", "screening", "{}", 4), Inputs(10), "tester", T0);
        (job.Total, job.ShardCount, job.Status).ShouldBe((10L, 3, "queued"));
        (await store.GetShardInputsAsync(job, 2)).Select(i => i.Key).ShouldBe(["P8", "P9"]);

        (await store.RecordShardAsync(job.Id, 0, 4, ["a", "b", "c", "d"])).ShouldBe(new ShardRecording(true, false, false));
        (await store.RecordShardAsync(job.Id, 0, 4, ["x", "x", "x", "x"])).ShouldBe(new ShardRecording(false, false, false));
        (await store.RecordShardAsync(job.Id, 2, 2, ["i", "j"])).Landed.ShouldBeTrue();
        (await store.GetJobAsync(job.Id))!.Done.ShouldBe(6);
        (await store.RecordShardAsync(job.Id, 1, 4, ["e", "f", "g", "h"])).AllShardsDone.ShouldBeTrue();

        var results = new List<string>();
        await foreach (var line in store.ReadJobResultsAsync(job.Id))
        {
            results.Add(line);
        }
        results.ShouldBe(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
        var digest = MerkleRoot.Of(results);
        var completed = await store.CompleteJobAsync(job.Id, 10, digest, "tester", T0);
        (completed!.Status, completed.ResultDigest, completed.Done).ShouldBe(("completed", digest, 10L));
        (await store.CompleteJobAsync(job.Id, 10, digest, "tester", T0)).ShouldBeNull();
        (await store.CancelJobAsync(job.Id, T0)).ShouldBeFalse();
        (await store.VerifyJobsAsync()).ShouldBe(new JobVerification(1, null, null));
        (await store.VerifyAuditAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancelled_job_drops_its_results_and_takes_no_more()
    {
        await using var store = await OpenStoreAsync();
        var job = await store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV69", "screening", "{}", 2), Inputs(6), "tester", T0);
        (await store.RecordShardAsync(job.Id, 0, 2, ["a", "b"])).Landed.ShouldBeTrue();
        (await store.CancelJobAsync(job.Id, T0)).ShouldBeTrue();
        (await store.RecordShardAsync(job.Id, 1, 2, ["c", "d"])).ShouldBe(new ShardRecording(false, false, true));
        await foreach (var _ in store.ReadJobResultsAsync(job.Id))
        {
            throw new ShouldAssertException("a cancelled job keeps no results");
        }
        (await store.GetJobAsync(job.Id))!.Status.ShouldBe("cancelled");
    }

    private static OrderDocument Order(string id) => new(id, new LocalDate(2024, 2, 1), $$"""{"id": "{{id}}", "date": "2024-02-01"}""");

    private static ShardHold Held(string id) => new(
        new DeterminationRecord(id, new LocalDate(2024, 2, 1), null, "license-required", "rules-hash", $$"""{"id": "{{id}}"}""", $$"""{"transaction": "{{id}}", "outcome": "license-required"}"""),
        new HoldDocument(id, "license-required", $"re-screening after a list import: {id} ~ Listed Co (EL)"));

    [Fact]
    public async Task A_shard_with_holds_lands_its_results_determinations_and_holds_together_and_a_second_run_changes_nothing()
    {
        await using var store = await OpenStoreAsync();
        await store.AddOrdersAsync([Order("SO-1"), Order("SO-2"), Order("SO-3")], "tester", T0);
        var job = await store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV71", "rescreening", "{}", 2), Inputs(3), "importer", T0);

        var first = await store.RecordShardAsync(job.Id, 0, 2, ["r1", "r2"], [Held("SO-1")], "importer", T0);
        first.ShouldBe(new ShardRecording(true, false, false));
        var head = await store.ReadAuditHeadAsync();
        var hold = (await store.GetHoldsAsync()).ShouldHaveSingleItem();
        (hold.OrderId, hold.Status, hold.RequestedBy).ShouldBe(("SO-1", "held", "importer"));
        (await store.GetDeterminationsAsync("SO-1")).ShouldHaveSingleItem().AuditSequence.ShouldBe(hold.AuditSequence - 1);

        // The worker was killed between writing and acknowledging: the shard runs again, and lands nothing.
        (await store.RecordShardAsync(job.Id, 0, 2, ["r1", "r2"], [Held("SO-1")], "importer", T0)).ShouldBe(new ShardRecording(false, false, false));
        (await store.ReadAuditHeadAsync()).ShouldBe(head);
        (await store.GetHoldsAsync()).Count.ShouldBe(1);
        (await store.GetDeterminationsAsync("SO-1")).Count.ShouldBe(1);
        (await store.GetJobAsync(job.Id))!.Done.ShouldBe(2);

        // An order shipped or cancelled since the submission is passed over; its shard still lands.
        (await store.RecordShardAsync(job.Id, 1, 1, ["r3"], [Held("SO-9")], "importer", T0)).ShouldBe(new ShardRecording(true, true, false));
        (await store.GetHoldsAsync()).Select(h => h.OrderId).ShouldBe(["SO-1"]);
        (await store.VerifyAuditAsync()).IsIntact.ShouldBeTrue();
    }

    /// <summary>Makes every insert into <c>holds</c> fail inside the database (a trigger), as a write that breaks part-way.</summary>
    protected abstract Task RefuseHoldsAsync(SqlStore store);

    [Fact]
    public async Task A_shard_whose_hold_cannot_be_written_stores_neither_its_results_nor_its_determinations()
    {
        await using var store = await OpenStoreAsync();
        await store.AddOrdersAsync([Order("SO-1"), Order("SO-2")], "tester", T0);
        var job = await store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV72", "rescreening", "{}", 2), Inputs(2), "importer", T0);
        var head = await store.ReadAuditHeadAsync();
        await RefuseHoldsAsync(store);

        await Should.ThrowAsync<System.Data.Common.DbException>(() => store.RecordShardAsync(job.Id, 0, 2, ["r1", "r2"], [Held("SO-1")], "importer", T0));

        (await store.ReadAuditHeadAsync()).ShouldBe(head);
        (await store.GetDeterminationsAsync("SO-1")).ShouldBeEmpty();
        var after = (await store.GetJobAsync(job.Id))!;
        (after.Done, after.ShardsDone).ShouldBe((0L, 0));
        await foreach (var _ in store.ReadJobResultsAsync(job.Id))
        {
            throw new ShouldAssertException("the shard's results landed without its holds");
        }
    }

    [Fact]
    public async Task Inputs_that_reuse_a_key_store_nothing_and_name_the_later_line()
    {
        await using var store = await OpenStoreAsync();
        static async IAsyncEnumerable<JobInput> Twice()
        {
            yield return new JobInput(2, "A", "{}");
            yield return new JobInput(3, "B", "{}");
            yield return new JobInput(4, "A", "{}");
            await Task.CompletedTask;
        }
        var refused = await Should.ThrowAsync<JobInputRejectedException>(() => store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV70", "screening", "{}", 2), Twice(), "tester", T0));
        refused.Line.ShouldBe(4);
        refused.Message.ShouldBe("id 'A' is used again (first on line 2)");
        (await store.GetJobsAsync(10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_a_jobs_results_holds_one_shard_at_a_time()
    {
        await using var store = await OpenStoreAsync();
        var job = await store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV73", "screening", "{}", 10), Inputs(3_000), "tester", T0);
        for (var shard = 0; shard < job.ShardCount; shard++)
        {
            await store.RecordShardAsync(job.Id, shard, 10, [.. Enumerable.Range(shard * 10, 10).Select(i => $"{{\"id\":\"P{i}\"}}")]);
        }

        // What the completion digests and `jobs results` writes: each line let go once passed. A reader that buffered the
        // job's results would keep every one alive.
        var seen = new List<WeakReference<string>>();
        var alive = -1;
        await foreach (var line in store.ReadJobResultsAsync(job.Id))
        {
            seen.Add(new WeakReference<string>(line));
            if (seen.Count == 2_500)
            {
                alive = CountAlive(seen);
            }
        }

        seen.Count.ShouldBe(3_000);
        alive.ShouldBeLessThan(100);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int CountAlive(List<WeakReference<string>> seen)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return seen.Count(w => w.TryGetTarget(out _));
    }

    /// <summary>Brings the database's planner statistics up to date (ANALYZE), as autovacuum does after a large job.</summary>
    protected abstract Task AnalyzeAsync();

    [Fact]
    public async Task A_large_job_after_another_finds_a_reused_key_in_one_pass()
    {
        await using var store = await OpenStoreAsync();
        await store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV71", "screening", "{}", 500), Inputs(30_000), "tester", T0);
        // The statistics now know the first job's rows and nothing of the next: the planner once chose, for the duplicate
        // check, a nested loop that grouped the new job's rows again for each of its rows (quadratic: past the 30 s command
        // timeout at 30,000 rows, minutes at 100,000).
        await AnalyzeAsync();
        static async IAsyncEnumerable<JobInput> ThenOneAgain()
        {
            await foreach (var input in Inputs(30_000))
            {
                yield return input;
            }
            yield return new JobInput(30_002, "P29999", "{}");
        }
        var timer = System.Diagnostics.Stopwatch.StartNew();

        var refused = await Should.ThrowAsync<JobInputRejectedException>(() =>
            store.SubmitJobAsync(new JobDocument("job_01M937CZTV53J7DQP9HHNNRV72", "screening", "{}", 500), ThenOneAgain(), "tester", T0));

        (refused.Line, refused.Message).ShouldBe((30_002L, "id 'P29999' is used again (first on line 30001)"));
        timer.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (await store.GetJobsAsync(10)).Select(j => j.Id).ShouldBe(["job_01M937CZTV53J7DQP9HHNNRV71"]);
    }
}

public sealed class SqliteJobStoreTests : JobStoreContractTests
{
    private string _directory = "";

    protected override async Task<SqlStore> OpenStoreAsync()
    {
        _directory = Directory.CreateTempSubdirectory("reticle-jobs-store-").FullName;
        var store = Sqlite.SqliteStore.Open(_directory);
        await store.MigrateAsync();
        return store;
    }

    protected override async Task AnalyzeAsync()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, Sqlite.SqliteStore.FileName)}"))
        {
            await connection.OpenAsync();
            await using var command = new Microsoft.Data.Sqlite.SqliteCommand("ANALYZE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    protected override async Task RefuseHoldsAsync(SqlStore store)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, Sqlite.SqliteStore.FileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER refuse_holds BEFORE INSERT ON holds BEGIN SELECT RAISE(ABORT, 'holds refused by the test'); END";
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresJobStoreTests : JobStoreContractTests
{
    protected override async Task<SqlStore> OpenStoreAsync()
    {
        var server = Environment.GetEnvironmentVariable("RETICLE_TEST_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("RETICLE_TEST_POSTGRES is not set. Start a throwaway server with: eval \"$(scripts/postgres.sh start)\"");
        // A database of its own on the throwaway server (scripts/postgres.sh stop removes the whole cluster).
        var name = $"reticle_jobs_{Guid.NewGuid():N}";
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await command.ExecuteNonQueryAsync();
        }
        _database = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var store = Postgres.PostgresStore.Open(_database);
        await store.MigrateAsync();
        return store;
    }

    private string _database = "";

    protected override async Task AnalyzeAsync()
    {
        await using (var connection = new Npgsql.NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("ANALYZE job_inputs", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    protected override async Task RefuseHoldsAsync(SqlStore store)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            CREATE FUNCTION refuse_holds() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'holds refused by the test'; END $$;
            CREATE TRIGGER refuse_holds BEFORE INSERT ON holds FOR EACH ROW EXECUTE FUNCTION refuse_holds();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
