using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary>
/// Jobs on PostgreSQL done by real <c>reticle worker</c> processes (CONTRACT §8): a worker killed with SIGKILL mid-job has its
/// shards taken over and every result lands once, in input order, with the digest of a run without the failure; a cancelled
/// job keeps no results; SIGTERM hands shards back; bad input queues nothing. Needs the server the test command starts
/// (<c>RETICLE_TEST_POSTGRES</c>): without one these tests fail, never skip.
/// </summary>
[Collection(JobWorkerCollection.Name)]
public sealed class JobWorkerTests : IAsyncLifetime
{
    // Its workers and the submitting process share one screening-index cache: the index is built once.
    private ThrowawayDatabase _database = null!;

    public async Task InitializeAsync() => _database = await ThrowawayDatabase.CreateAsync("reticle_jobs_");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private CliRun Postgres() => _database.Cli();

    private WorkerProcess StartWorker(int staleAfterSeconds = 5) => _database.StartWorker(staleAfterSeconds);

    /// <summary>A CSV of <paramref name="count"/> parties, some of them listed, in a known order.</summary>
    internal static string Parties(int count)
    {
        string[] names = ["Semiconductor Manufacturing International Corporation", "Huawei Technologies Co., Ltd.", "Acme Precision Optics", "Rosoboronexport",
            "Mahan Air", "Nordic Bearings AB", "Korea Mining Development Trading Corporation", "Hangzhou Hikvision Digital Technology"];
        var csv = new StringBuilder("id,name,country\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append($"P{i:D5},\"{names[i % names.Length]}{(i % 3 == 0 ? "" : $" {i}")}\",\n");
        }
        return csv.ToString();
    }

    /// <summary>The revocation story of the impact tests, with <paramref name="count"/> open orders around it.</summary>
    internal static async Task<string[]> OrdersAsync(CliRun run, int count)
    {
        (await run.RunAsync("licenses", "add", Write(run, "licence.json", LicenseJson))).ExitCode.ShouldBe(0);
        var dates = new[] { "2023-11-20", "2023-12-15", "2024-01-02", "2024-02-01" };
        var ids = Enumerable.Range(1, count).Select(i => $"SO-{i:D4}").ToArray();
        var added = await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines([.. ids.Select((id, i) => Shipment(id, dates[i % dates.Length]))])));
        added.ExitCode.ShouldBe(0, added.Error);
        (await run.RunAsync("licenses", "revoke", Id, "--effective", "2024-01-01", "--announced", "2024-01-01", "--line", "1", "--reason", "partial revocation"))
            .ExitCode.ShouldBe(0);
        return ids;
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].Trim();

    private static async Task<JsonNode> ShowAsync(CliRun run, string id)
    {
        var shown = await run.RunAsync("jobs", "show", id, "--json");
        shown.ExitCode.ShouldBe(0, shown.Error);
        return shown.Json;
    }

    private static async Task WaitUntilAsync(CliRun run, string id, Func<JsonNode, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition(await ShowAsync(run, id)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"job {id} did not reach the state in time");
            await Task.Delay(100);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_worker_killed_mid_job_has_its_shards_taken_over_and_every_result_lands_once_in_input_order()
    {
        // The run without a failure: the same jobs on SQLite, in process, through the same code.
        var alone = new CliRun().With("RETICLE_CACHE", _database.Cache);
        var csv = Parties(600);
        var expectedScreening = await alone.RunAsync("jobs", "submit", "screening", Write(alone, "parties.csv", csv));
        expectedScreening.ExitCode.ShouldBe(0, expectedScreening.Error);
        var expectedScreeningDigest = (await ShowAsync(alone, LastLine(expectedScreening.Out)))["resultDigest"]!.GetValue<string>();
        var orderIds = await OrdersAsync(alone, 120);
        var expectedImpact = await alone.RunAsync("jobs", "submit", "impact", "--known-at", "2023-12-01", "--vs", "2024-01-02");
        var expectedImpactJob = await ShowAsync(alone, LastLine(expectedImpact.Out));
        expectedImpactJob["status"]!.GetValue<string>().ShouldBe("completed");

        var run = Postgres();
        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);
        await OrdersAsync(run, 120);
        var workers = new[] { StartWorker(), StartWorker(), StartWorker() };

        // Screening: 600 names in 30 shards; one worker killed once work is under way.
        var submitted = await run.RunAsync("jobs", "submit", "screening", Write(run, "parties.csv", csv), "--shard-size", "20");
        submitted.ExitCode.ShouldBe(0, submitted.Error);
        var screening = LastLine(submitted.Out);
        screening.ShouldStartWith("job_");
        await WaitUntilAsync(run, screening, j => j["done"]!.GetValue<long>() > 0, TimeSpan.FromSeconds(60));
        workers[0].Kill();
        var replacement = StartWorker();
        var waited = await run.RunAsync("jobs", "wait", screening, "--timeout", "90");
        waited.ExitCode.ShouldBe(0, waited.Error + workers[1].Log);
        var job = await ShowAsync(run, screening);
        job["status"]!.GetValue<string>().ShouldBe("completed");
        job["done"]!.GetValue<long>().ShouldBe(600);
        job["resultDigest"]!.GetValue<string>().ShouldBe(expectedScreeningDigest);
        var results = Path.Combine(run.DataDirectory, "screening.jsonl");
        (await run.RunAsync("jobs", "results", screening, "--out", results)).ExitCode.ShouldBe(0);
        var lines = File.ReadAllLines(results);
        lines.Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).ShouldBe(Enumerable.Range(1, 600).Select(i => $"P{i:D5}"));
        (await CountAsync($"SELECT COUNT(*) FROM job_results WHERE job_id = '{screening}'")).ShouldBe(30);

        // Impact over 120 open orders in 20 shards; another worker killed mid-job.
        var impactSubmitted = await run.RunAsync("jobs", "submit", "impact", "--known-at", "2023-12-01", "--vs", "2024-01-02", "--shard-size", "6");
        impactSubmitted.ExitCode.ShouldBe(0, impactSubmitted.Error);
        var impact = LastLine(impactSubmitted.Out);
        await WaitUntilAsync(run, impact, j => j["done"]!.GetValue<long>() > 0, TimeSpan.FromSeconds(60));
        workers[1].Kill();
        (await run.RunAsync("jobs", "wait", impact, "--timeout", "90")).ExitCode.ShouldBe(0, workers[2].Log + replacement.Log);
        var impactJob = await ShowAsync(run, impact);
        impactJob["done"]!.GetValue<long>().ShouldBe(120);
        impactJob["resultDigest"]!.GetValue<string>().ShouldBe(expectedImpactJob["resultDigest"]!.GetValue<string>());
        var changes = Path.Combine(run.DataDirectory, "impact.jsonl");
        (await run.RunAsync("jobs", "results", impact, "--out", changes)).ExitCode.ShouldBe(0);
        var changed = File.ReadAllLines(changes).Select(l => JsonNode.Parse(l)!["transaction"]!.GetValue<string>()).ToList();
        // The orders dated after the revocation change, each once, in input order (open orders by planned date, then id).
        changed.ShouldBe(orderIds.Where((_, i) => i % 4 == 2).Concat(orderIds.Where((_, i) => i % 4 == 3)));

        var verified = await run.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(0, verified.Error);
        verified.Out.ShouldContain("2 completed job(s) match their sealed result digests");
    }

    [Fact]
    public async Task A_worker_completes_a_what_if_job_with_the_digest_of_the_run_in_process_and_bad_drafts_queue_nothing()
    {
        var alone = new CliRun().With("RETICLE_CACHE", _database.Cache);
        (await alone.RunAsync("orders", "add", JobsCommandTests.Drafts("sample-orders.jsonl"))).ExitCode.ShouldBe(0);
        var expected = await alone.RunAsync("jobs", "submit", "whatif", "--packs", JobsCommandTests.Drafts("de"), "--all");
        expected.ExitCode.ShouldBe(0, expected.Error);
        var expectedJob = await ShowAsync(alone, LastLine(expected.Out));
        expectedJob["status"]!.GetValue<string>().ShouldBe("completed");

        var run = Postgres();
        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);
        (await run.RunAsync("orders", "add", JobsCommandTests.Drafts("sample-orders.jsonl"))).ExitCode.ShouldBe(0);
        var broken = Directory.CreateDirectory(Path.Combine(run.DataDirectory, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "broken.yaml"), "id: broken\n");
        var refused = await run.RunAsync("jobs", "submit", "whatif", "--packs", broken);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("broken.yaml:");
        (await CountAsync("SELECT COUNT(*) FROM jobs")).ShouldBe(0);

        var worker = StartWorker();
        var submitted = await run.RunAsync("jobs", "submit", "whatif", "--packs", JobsCommandTests.Drafts("de"), "--all", "--shard-size", "2");
        submitted.ExitCode.ShouldBe(0, submitted.Error);
        var id = LastLine(submitted.Out);
        var waited = await run.RunAsync("jobs", "wait", id, "--timeout", "90");
        waited.ExitCode.ShouldBe(0, waited.Error + worker.Log);
        var job = await ShowAsync(run, id);
        (job["kind"]!.GetValue<string>(), job["done"]!.GetValue<long>()).ShouldBe(("whatif", 7L));
        job["resultDigest"]!.GetValue<string>().ShouldBe(expectedJob["resultDigest"]!.GetValue<string>());
        (await CountAsync($"SELECT COUNT(*) FROM job_results WHERE job_id = '{id}'")).ShouldBe(4);

        // 'reticle whatif' on PostgreSQL is a job done by the workers, and reports what it reports in process.
        foreach (var flags in new[] { new[] { "--all" }, [] })
        {
            var inProcess = await alone.RunAsync(["whatif", "--packs", JobsCommandTests.Drafts("de"), "--json", .. flags]);
            inProcess.ExitCode.ShouldBe(0, inProcess.Error);
            var asJob = await run.RunAsync(["whatif", "--packs", JobsCommandTests.Drafts("de"), "--json", .. flags]);
            asJob.ExitCode.ShouldBe(0, asJob.Error + worker.Log);
            asJob.Error.ShouldContain("queued for the workers");
            var (expectedReport, report) = (inProcess.Json.AsObject(), asJob.Json.AsObject());
            report["auditRecord"]!.GetValue<long>().ShouldBeGreaterThan(0);
            (expectedReport.Remove("auditRecord"), report.Remove("auditRecord")).ShouldBe((true, true));
            report.ToJsonString().ShouldBe(expectedReport.ToJsonString());
        }
        (await CountAsync("SELECT COUNT(*) FROM jobs WHERE kind = 'whatif' AND status = 'completed'")).ShouldBe(3);
    }

    [Fact]
    public async Task A_job_cancelled_mid_way_stops_and_keeps_no_partial_results()
    {
        var run = Postgres();
        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);
        StartWorker();
        var submitted = await run.RunAsync("jobs", "submit", "screening", Write(run, "parties.csv", Parties(2000)), "--shard-size", "5");
        var id = LastLine(submitted.Out);
        await WaitUntilAsync(run, id, j => j["done"]!.GetValue<long>() > 0, TimeSpan.FromSeconds(60));

        var cancelled = await run.RunAsync("jobs", "cancel", id);
        cancelled.ExitCode.ShouldBe(0, cancelled.Error);
        (await run.RunAsync("jobs", "wait", id, "--timeout", "5")).ExitCode.ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var job = await ShowAsync(run, id);
        job["status"]!.GetValue<string>().ShouldBe("cancelled");
        job["resultDigest"].ShouldBeNull();
        job["done"]!.GetValue<long>().ShouldBeLessThan(2000);
        (await CountAsync($"SELECT COUNT(*) FROM job_results WHERE job_id = '{id}'")).ShouldBe(0);
        (await run.RunAsync("jobs", "results", id, "--out", Path.Combine(run.DataDirectory, "r.jsonl"))).ExitCode.ShouldBe(1);
        (await run.RunAsync("jobs", "cancel", id)).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_worker_stopped_with_SIGTERM_hands_its_shards_back()
    {
        var run = Postgres();
        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);
        // A silent node counts as alive for a minute: only a hand-back lets another worker finish soon.
        var first = StartWorker(staleAfterSeconds: 60);
        // Many small shards, so that on a fast idle machine the job is still far from done when the worker is stopped.
        var submitted = await run.RunAsync("jobs", "submit", "screening", Write(run, "parties.csv", Parties(2000)), "--shard-size", "5");
        var id = LastLine(submitted.Out);
        await WaitUntilAsync(run, id, j => j["done"]!.GetValue<long>() > 0, TimeSpan.FromSeconds(60));

        (await first.TerminateAsync(TimeSpan.FromSeconds(20))).ShouldBeTrue("the worker did not stop on SIGTERM");
        first.ExitCode.ShouldBe(0, first.Log);
        (await ShowAsync(run, id))["status"]!.GetValue<string>().ShouldNotBe("completed");
        StartWorker(staleAfterSeconds: 60);
        var waited = await run.RunAsync("jobs", "wait", id, "--timeout", "45");
        waited.ExitCode.ShouldBe(0, waited.Error);
        (await ShowAsync(run, id))["done"]!.GetValue<long>().ShouldBe(2000);
    }

    [Fact]
    public async Task Bad_input_fails_the_submission_naming_the_line_and_queues_nothing()
    {
        var run = Postgres();
        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);
        var malformed = await run.RunAsync("jobs", "submit", "screening", Write(run, "bad.csv", "id,name,country\nP1,Acme,NL\nP2,\"Beta\" Corp,NL\nP3,Gamma,\n"));
        malformed.ExitCode.ShouldBe(1);
        malformed.Error.ShouldContain("bad.csv:3");
        var country = await run.RunAsync("jobs", "submit", "screening", Write(run, "country.csv", "id,name,country\nP1,Acme,NL\nP2,Beta,XX1\n"));
        country.ExitCode.ShouldBe(1);
        country.Error.ShouldContain("country.csv:3");
        var twice = await run.RunAsync("jobs", "submit", "screening", Write(run, "twice.csv", "id,name\nP1,Acme\nP2,Beta\nP1,Gamma\n"));
        twice.ExitCode.ShouldBe(1);
        twice.Error.ShouldContain("twice.csv:4: id 'P1' is used again (first on line 2)");
        var format = await run.RunAsync("jobs", "submit", "screening", Write(run, "parties.xlsx", "PK\u0003\u0004"));
        format.ExitCode.ShouldBe(1);
        format.Error.ShouldContain("unknown format '.xlsx'");

        (await CountAsync("SELECT COUNT(*) FROM jobs")).ShouldBe(0);
        (await CountAsync("SELECT COUNT(*) FROM job_inputs")).ShouldBe(0);
        (await CountAsync("SELECT (SELECT COUNT(*) FROM wolverine_queues.wolverine_queue_reticle_shards) + (SELECT COUNT(*) FROM reticle_jobs.wolverine_outgoing_envelopes)"))
            .ShouldBe(0);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JobWorkerCollection
{
    public const string Name = "job workers";
}
