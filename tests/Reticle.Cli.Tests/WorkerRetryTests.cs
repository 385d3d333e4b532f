using System.Text.Json.Nodes;
using static Reticle.Cli.Tests.LicenseFixtures;

namespace Reticle.Cli.Tests;

/// <summary>
/// What a failing shard does on a real <c>reticle worker</c> (Wolverine's error policies): PostgreSQL itself raises the
/// failure, from a trigger on the job's results, so no seam is needed. A transient error (serialization failure, deadlock) is
/// retried after a cooldown; one that lasts fails the job after the last attempt; any other error fails it at once; each
/// named with its shard in <c>jobs show</c>. Also <c>whatif --timeout</c>, which needs a queue no worker takes from.
/// Needs <c>RETICLE_TEST_POSTGRES</c>: without it these tests fail, never skip.
/// </summary>
[Collection(JobWorkerCollection.Name)]
public sealed class WorkerRetryTests : IAsyncLifetime
{
    private ThrowawayDatabase _database = null!;

    public async Task InitializeAsync() => _database = await ThrowawayDatabase.CreateAsync("reticle_retry_");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private CliRun Postgres() => _database.Cli();

    private Task<object?> SqlAsync(string sql) => _database.SqlAsync(sql);

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].Trim();

    // Shard 1's results cannot be written while the fault says so: the first `times` attempts raise `sqlstate`. Attempts are
    // counted by a sequence, which a rolled-back transaction does not roll back.
    private const string Fault =
        """
        CREATE TABLE test_fault (sqlstate text NOT NULL, times int NOT NULL);
        INSERT INTO test_fault VALUES ('00000', 0);
        CREATE SEQUENCE test_attempts;
        CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE f test_fault%ROWTYPE; n bigint;
        BEGIN
          IF NEW.shard = 1 THEN
            n := nextval('test_attempts');
            SELECT * INTO f FROM test_fault;
            IF n <= f.times THEN
              RAISE EXCEPTION 'injected by the test (attempt %)', n USING ERRCODE = f.sqlstate;
            END IF;
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_fault BEFORE INSERT ON job_results FOR EACH ROW EXECUTE FUNCTION test_fault();
        """;

    [Fact]
    public async Task On_a_worker_a_transient_failure_is_retried_a_lasting_one_fails_the_job_after_the_last_attempt_and_any_other_fails_it_at_once()
    {
        var run = Postgres();
        (await run.RunAsync("jobs")).ExitCode.ShouldBe(0);
        await SqlAsync(Fault);
        var worker = _database.StartWorker();
        var csv = Write(run, "parties.csv", JobWorkerTests.Parties(6));

        async Task<(string Id, int Exit, string Shown, long Attempts)> RunAsync(string sqlState, int times)
        {
            await SqlAsync($"UPDATE test_fault SET sqlstate = '{sqlState}', times = {times}; ALTER SEQUENCE test_attempts RESTART");
            var submitted = await run.RunAsync("jobs", "submit", "screening", csv, "--shard-size", "2");
            submitted.ExitCode.ShouldBe(0, submitted.Error);
            var id = LastLine(submitted.Out);
            var waited = await run.RunAsync("jobs", "wait", id, "--timeout", "120");
            var shown = await run.RunAsync("jobs", "show", id);
            var attempts = Convert.ToInt64(await SqlAsync("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_attempts"), System.Globalization.CultureInfo.InvariantCulture);
            return (id, waited.ExitCode, shown.Out, attempts);
        }

        // A serialization failure twice: the third attempt lands, and the job completes with every result.
        var retried = await RunAsync("40001", 2);
        (retried.Exit, retried.Attempts).ShouldBe((0, 3L), worker.Log);
        retried.Shown.ShouldContain("completed, 6 of 6 done");

        // A check constraint would fail the same way on any worker: one attempt, and the job fails naming shard and error.
        var failed = await RunAsync("23514", 100);
        (failed.Exit, failed.Attempts).ShouldBe((1, 1L), worker.Log);
        failed.Shown.ShouldContain("failed");
        failed.Shown.ShouldContain("shard 1: 23514: injected by the test (attempt 1)");

        // A deadlock every time: Wolverine retries after each cooldown, then the job fails naming the attempts.
        var exhausted = await RunAsync("40P01", 100);
        (exhausted.Exit, exhausted.Attempts).ShouldBe((1, 4L), worker.Log);
        exhausted.Shown.ShouldContain("shard 1: failed 4 times, last: 40P01: injected by the test (attempt 4)");
        // A failed job keeps no results.
        (await SqlAsync($"SELECT COUNT(*) FROM job_results WHERE job_id = '{exhausted.Id}'")).ShouldBe(0L);
    }

    [Fact]
    public async Task Whatif_on_PostgreSQL_with_a_timeout_stops_waiting_exits_124_and_names_the_job_that_runs_on()
    {
        var run = Postgres();
        (await run.RunAsync("orders", "add", Write(run, "orders.jsonl", OrdersCommandTests.Lines(Shipment("SO-1", "2024-02-01"))))).ExitCode.ShouldBe(0);

        // No worker runs: the job stays queued.
        var timedOut = await run.RunAsync("whatif", "--packs", JobsCommandTests.Drafts("de"), "--timeout", "1");

        timedOut.ExitCode.ShouldBe(124, timedOut.Error);
        var id = LastLine(timedOut.Out);
        id.ShouldStartWith("job_");
        timedOut.Error.ShouldContain($"what-if job {id} has not ended after 1 s");
        timedOut.Error.ShouldContain($"reticle jobs wait {id}");
        var shown = await run.RunAsync("jobs", "show", id, "--json");
        (shown.Json["kind"]!.GetValue<string>(), shown.Json["status"]!.GetValue<string>()).ShouldBe(("whatif", "queued"));
        var json = await run.RunAsync("whatif", "--packs", JobsCommandTests.Drafts("de"), "--timeout", "0", "--json");
        json.ExitCode.ShouldBe(124);
        JsonNode.Parse(json.Out)!["status"]!.GetValue<string>().ShouldBe("queued");
    }
}
