using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using Reticle.Service;
using Reticle.Service.Jobs;
using Reticle.Store;
using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary>
/// What a shard's failure does (ShardRetryPolicy), on the in-process path (SQLite; a test seam makes a shard throw), and the
/// re-screening shard run twice on that path. The worker's side, on Wolverine, is in <see cref="WorkerRetryTests"/>.
/// </summary>
public sealed class ShardRetryTests
{
    private static readonly ShardRetryPolicy Quick = new([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)]);

    [Fact]
    public void Connection_loss_serialization_failures_deadlocks_timeouts_and_a_busy_database_are_transient_and_nothing_else_is()
    {
        ShardRetryPolicy.IsTransient(new PostgresException("could not serialize access", "ERROR", "ERROR", "40001")).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01")).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014")).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new PostgresException("connection failure", "FATAL", "FATAL", "08006")).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("connection reset"))).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new NpgsqlException("The operation has timed out", new TimeoutException())).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new SqliteException("database is locked", 5)).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new TimeoutException()).ShouldBeTrue();
        ShardRetryPolicy.IsTransient(new AggregateException(new TimeoutException())).ShouldBeTrue();

        ShardRetryPolicy.IsTransient(new PostgresException("duplicate key value", "ERROR", "ERROR", "23505")).ShouldBeFalse();
        ShardRetryPolicy.IsTransient(new PostgresException("new row violates check constraint", "ERROR", "ERROR", "23514")).ShouldBeFalse();
        ShardRetryPolicy.IsTransient(new SqliteException("constraint failed", 19)).ShouldBeFalse();
        ShardRetryPolicy.IsTransient(new InvalidOperationException("stored order SO-1 does not read")).ShouldBeFalse();
        ShardRetryPolicy.IsTransient(new AggregateException(new TimeoutException(), new FormatException())).ShouldBeFalse();
    }

    private static async Task<Workspace> OpenAsync(CliRun run) => await Workspace.OpenAsync(
        new WorkspaceOptions(new StoreOptions(run.DataDirectory, null), Path.Combine(Repository.Root, "content"), "test:alice",
            new FixedClock(Instant.FromUtc(2026, 11, 25, 12, 0))), CancellationToken.None);

    private const string Parties = "id,name,country\nP1,Acme Precision Optics,NL\nP2,Nordic Bearings AB,SE\nP3,Huawei Technologies Co.,CN\nP4,Mahan Air,IR\nP5,Rosoboronexport,RU\n";

    /// <summary>A screening job of five parties in shards of two, run here with a seam that fails shard 1 as <paramref name="fault"/> says.</summary>
    private static async Task<(StoredJob Job, int Attempts)> RunAsync(CliRun run, Func<int, Exception?> fault)
    {
        await using var workspace = await OpenAsync(run);
        var attempts = 0;
        var runner = new JobRunner(workspace, (_, shard) =>
        {
            if (shard == 1 && fault(++attempts) is { } failure)
            {
                throw failure;
            }
            return Task.CompletedTask;
        });
        var submitted = await JobSubmission.ScreeningAsync(workspace, new InProcessJobQueue(runner, Quick), "parties.csv", new StringReader(Parties), null, 2,
            "test:alice", CancellationToken.None);
        var job = await ((IJobStore)workspace.Store).GetJobAsync(submitted.Value!.Id, CancellationToken.None);
        return (job!, attempts);
    }

    [Fact]
    public async Task A_shard_that_fails_transiently_is_run_again_after_a_cooldown_and_the_job_completes_as_without_the_failure()
    {
        var run = new CliRun();
        var (job, attempts) = await RunAsync(run, attempt => attempt <= 2 ? new SqliteException("database is locked", 5) : null);

        attempts.ShouldBe(3);
        (job.Status, job.Done, job.ResultCount).ShouldBe(("completed", 5L, (long?)5));
        var (clean, _) = await RunAsync(new CliRun(), _ => null);
        job.ResultDigest.ShouldBe(clean.ResultDigest);
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_shard_that_keeps_failing_transiently_fails_its_job_after_the_last_attempt_naming_the_shard_and_the_error()
    {
        var run = new CliRun();
        var (job, attempts) = await RunAsync(run, _ => new SqliteException("database is locked", 5));

        attempts.ShouldBe(Quick.Attempts);
        job.Status.ShouldBe("failed");
        job.Problem.ShouldBe("shard 1: failed 3 times, last: database is locked");
        var shown = await run.RunAsync("jobs", "show", job.Id);
        shown.Out.ShouldContain("shard 1: failed 3 times, last: database is locked");
        await foreach (var _ in ((IJobStore)(await OpenAsync(run)).Store).ReadJobResultsAsync(job.Id))
        {
            throw new ShouldAssertException("a failed job keeps no results");
        }
    }

    [Fact]
    public async Task A_shard_that_fails_for_a_reason_that_would_not_change_fails_its_job_at_once_naming_the_shard()
    {
        var run = new CliRun();
        var (job, attempts) = await RunAsync(run, _ => new InvalidOperationException("stored order SO-1 does not read"));

        attempts.ShouldBe(1);
        (job.Status, job.Problem).ShouldBe(("failed", "shard 1: stored order SO-1 does not read"));
        (await run.RunAsync("jobs", "show", job.Id, "--json")).Json["status"]!.GetValue<string>().ShouldBe("failed");
    }

    [Fact]
    public async Task A_rescreening_shard_run_again_after_it_was_written_records_no_second_determination_and_no_second_hold()
    {
        var run = new CliRun();
        var list = Write(run, "consolidated.json", """
            {"search_performed_at": "2026-08-14T09:00:00+00:00", "total": 1, "results": [
              {"id": "qarmin-1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "Qarmin Precision Trading Company", "alt_names": [],
               "addresses": [{"country": "CN"}], "federal_register_notice": "91 FR 10001",
               "license_requirement": "For all items subject to the EAR. (See §744.11 of the EAR)", "license_policy": "Policy of denial."}]}
            """);
        (await run.RunAsync("lists", "import", list, "--format", "csl-json")).ExitCode.ShouldBe(0);
        string Order(string id, string party) => Shipment(id, "2024-02-01").Replace("Semiconductor Manufacturing International (Beijing) Corporation", party, StringComparison.Ordinal);
        (await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(Order("SO-HELIO", "Heliotrope Lens Works"), Order("SO-QARMIN", "Qarmin Precision Trading Company")))))
            .ExitCode.ShouldBe(0);

        await using var workspace = await OpenAsync(run);
        var store = workspace.Store;
        var jobs = (IJobStore)store;
        var listsAsOf = (await store.GetListSnapshotsAsync()).Max(s => s.ImportedAt);
        // One order per shard: shard 1 is SO-QARMIN, whose party the list now names.
        var job = await jobs.SubmitJobAsync(new JobDocument(JobIds.New(workspace.Clock.GetCurrentInstant()), RescreeningJob.KindName,
            RescreeningJob.Parameters(listsAsOf, "test:importer").ToJsonString(), 1), store.ReadOrdersAsync(OrderStatus.Open).Select(ImpactJob.Input), "test:importer",
            workspace.Clock.GetCurrentInstant());
        var runner = new JobRunner(workspace);

        await runner.RunShardAsync(job.Id, 1, CancellationToken.None);
        var head = await store.ReadAuditHeadAsync();
        var hold = (await store.GetHoldsAsync()).ShouldHaveSingleItem();
        (hold.OrderId, hold.RequestedBy).ShouldBe(("SO-QARMIN", "test:importer"));
        (await store.GetDeterminationsAsync("SO-QARMIN")).Count.ShouldBe(1);

        // As if the worker had been killed after its commit and before the engine heard of it: the shard comes again.
        await runner.RunShardAsync(job.Id, 1, CancellationToken.None);
        (await store.ReadAuditHeadAsync()).ShouldBe(head);
        (await store.GetHoldsAsync()).Count.ShouldBe(1);
        (await store.GetDeterminationsAsync("SO-QARMIN")).Count.ShouldBe(1);

        await runner.RunShardAsync(job.Id, 0, CancellationToken.None);
        var done = (await jobs.GetJobAsync(job.Id))!;
        (done.Status, done.ResultCount).ShouldBe(("completed", (long?)2));
        (await store.GetDeterminationsAsync("SO-HELIO")).ShouldBeEmpty();
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Whatif_timeout_is_refused_on_SQLite_where_the_what_if_runs_in_this_process()
    {
        var run = new CliRun();
        var refused = await run.RunAsync("whatif", "--packs", JobsCommandTests.Drafts("de"), "--timeout", "5");
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("--timeout is for the what-if job on PostgreSQL");
    }
}
