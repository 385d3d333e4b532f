using System.Text.Json.Nodes;
using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary><c>reticle jobs</c> on SQLite: a job runs in the calling process through the same code a worker runs.</summary>
public sealed class JobsCommandTests
{
    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].Trim();

    [Fact]
    public async Task A_screening_job_on_SQLite_runs_here_and_its_results_are_what_screen_batch_writes_sealed_by_their_digest()
    {
        var run = new CliRun();
        var csv = Write(run, "parties.csv", JobWorkerTests.Parties(120));
        var submitted = await run.RunAsync("jobs", "submit", "screening", csv, "--shard-size", "7");
        submitted.ExitCode.ShouldBe(0, submitted.Error);
        var id = LastLine(submitted.Out);
        id.ShouldMatch("^job_[0-9A-HJKMNP-TV-Z]{26}$");

        var job = (await run.RunAsync("jobs", "show", id, "--json")).Json;
        job.AsObject().Select(p => p.Key).ShouldBe(["id", "kind", "status", "total", "done", "failed", "submittedAt", "completedAt", "resultDigest", "auditRecord"]);
        (job["kind"]!.GetValue<string>(), job["status"]!.GetValue<string>(), job["total"]!.GetValue<long>(), job["done"]!.GetValue<long>())
            .ShouldBe(("screening", "completed", 120L, 120L));
        job["submittedAt"]!.GetValue<string>().ShouldBe("2026-11-25T12:00:00Z");
        job["auditRecord"]!.GetValue<long>().ShouldBeGreaterThan(0);

        var results = Path.Combine(run.DataDirectory, "results.jsonl");
        (await run.RunAsync("jobs", "results", id, "--out", results)).ExitCode.ShouldBe(0);
        var batch = Path.Combine(run.DataDirectory, "batch.jsonl");
        (await run.RunAsync("screen", "--batch", csv, "--out", batch)).ExitCode.ShouldBe(0);
        File.ReadAllText(results).ShouldBe(File.ReadAllText(batch));
        job["resultDigest"]!.GetValue<string>().ShouldBe(Reticle.Audit.MerkleRoot.Of(File.ReadAllLines(batch)));

        // The same input again: the same digest, whatever the sharding.
        var again = LastLine((await run.RunAsync("jobs", "submit", "screening", csv, "--shard-size", "50")).Out);
        (await run.RunAsync("jobs", "show", again, "--json")).Json["resultDigest"]!.GetValue<string>().ShouldBe(job["resultDigest"]!.GetValue<string>());
        (await run.RunAsync("jobs", "wait", again)).ExitCode.ShouldBe(0);
        (await run.RunAsync("jobs", "--json")).Json.AsArray().Select(j => j!["id"]!.GetValue<string>()).ShouldBe([again, id]);
        var verified = await run.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(0, verified.Error);
        verified.Out.ShouldContain("2 completed job(s) match their sealed result digests");
    }

    [Fact]
    public async Task Audit_verify_catches_a_stored_job_result_edited_after_its_seal()
    {
        var run = new CliRun();
        var id = LastLine((await run.RunAsync("jobs", "submit", "screening", Write(run, "parties.csv", JobWorkerTests.Parties(30)))).Out);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={run.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE job_results SET results = replace(results, '\"P00002\"', '\"P00099\"') WHERE job_id = $id";
            edit.Parameters.AddWithValue("$id", id);
            (await edit.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var verified = await run.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(1);
        verified.Error.ShouldContain($"the stored results of job {id}");
    }

    [Fact]
    public async Task An_impact_job_gives_the_change_objects_of_impact_one_per_line()
    {
        var run = new CliRun();
        var ids = await JobWorkerTests.OrdersAsync(run, 12);
        var id = LastLine((await run.RunAsync("jobs", "submit", "impact", "--known-at", "2023-12-01", "--vs", "2024-01-02", "--shard-size", "5")).Out);
        (await run.RunAsync("jobs", "wait", id, "--timeout", "10")).ExitCode.ShouldBe(0);
        var results = Path.Combine(run.DataDirectory, "changes.jsonl");
        (await run.RunAsync("jobs", "results", id, "--out", results)).ExitCode.ShouldBe(0);
        var report = (await run.RunAsync("impact", "--known-at", "2023-12-01", "--vs", "2024-01-02", "--json")).Json;
        var lines = File.ReadAllLines(results).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Count.ShouldBe(6);
        lines.Zip(report["changes"]!.AsArray()).ShouldAllBe(p => JsonNode.DeepEquals(p.First, p.Second));
    }

    internal static string Drafts(string name) => Path.Combine(Repository.Root, "content", "drafts", name);

    [Fact]
    public async Task A_what_if_job_gives_the_changes_of_whatif_one_per_line_and_its_seal_names_the_drafts_by_hash()
    {
        var run = new CliRun();
        (await run.RunAsync("orders", "add", Drafts("sample-orders.jsonl"))).ExitCode.ShouldBe(0);
        var submitted = await run.RunAsync("jobs", "submit", "whatif", "--packs", Drafts("de"), "--all", "--shard-size", "2");
        submitted.ExitCode.ShouldBe(0, submitted.Error);
        var id = LastLine(submitted.Out);
        var job = (await run.RunAsync("jobs", "show", id, "--json")).Json;
        (job["kind"]!.GetValue<string>(), job["status"]!.GetValue<string>(), job["total"]!.GetValue<long>()).ShouldBe(("whatif", "completed", 7L));

        var results = Path.Combine(run.DataDirectory, "changes.jsonl");
        (await run.RunAsync("jobs", "results", id, "--out", results)).ExitCode.ShouldBe(0);
        var report = (await run.RunAsync("whatif", "--packs", Drafts("de"), "--all", "--json")).Json;
        var lines = File.ReadAllLines(results);
        report["changes"]!.AsArray().Count.ShouldBeGreaterThan(1);
        lines.Length.ShouldBe(report["changes"]!.AsArray().Count);
        lines.Select(l => JsonNode.Parse(l)).Zip(report["changes"]!.AsArray()).ShouldAllBe(p => JsonNode.DeepEquals(p.First, p.Second));
        job["resultDigest"]!.GetValue<string>().ShouldBe(Reticle.Audit.MerkleRoot.Of(lines));

        // The job's audit record seals it with the drafts' hashes (the what-if's own record names them the same way).
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={run.DatabaseFile}");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT payload FROM audit_log WHERE sequence = $s";
        command.Parameters.AddWithValue("$s", job["auditRecord"]!.GetValue<long>());
        var seal = JsonNode.Parse((string)command.ExecuteScalar()!)!;
        var drafts = seal["parameters"]!["drafts"]!.AsArray();
        drafts.Select(d => d!["sha256"]!.GetValue<string>()).ShouldBe(report["drafts"]!.AsArray().Select(d => d!["sha256"]!.GetValue<string>()));
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_what_if_job_with_drafts_that_do_not_validate_is_refused_naming_file_line_and_column_and_nothing_is_stored()
    {
        var run = new CliRun();
        (await run.RunAsync("orders", "add", Drafts("sample-orders.jsonl"))).ExitCode.ShouldBe(0);
        var folder = Directory.CreateDirectory(Path.Combine(run.DataDirectory, "drafts")).FullName;
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), File.ReadAllText(Path.Combine(Drafts("de"), "de-duv-draft.yaml")) + "\nsurprise: true\n");

        var refused = await run.RunAsync("jobs", "submit", "whatif", "--packs", folder);

        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldMatch(@"broken\.yaml:\d+:\d+");
        refused.Out.ShouldBeEmpty();
        (await run.RunAsync("jobs", "--json")).Json.AsArray().ShouldBeEmpty();
        (await run.RunAsync("jobs", "submit", "whatif", "--packs", Path.Combine(run.DataDirectory, "missing"))).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Importing_a_list_rescreens_the_parties_of_open_orders_and_holds_the_orders_that_now_hit()
    {
        var run = new CliRun();
        string Order(string id, string party) => Shipment(id, "2024-02-01").Replace("Semiconductor Manufacturing International (Beijing) Corporation", party, StringComparison.Ordinal);
        (await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines(Order("SO-QARMIN", "Qarmin Precision Trading Company"), Order("SO-HELIO", "Heliotrope Lens Works")))))
            .ExitCode.ShouldBe(0);
        (await run.RunAsync("holds", "--json")).Json.AsArray().ShouldBeEmpty();
        var list = Write(run, "consolidated.json", """
            {"search_performed_at": "2026-08-14T09:00:00+00:00", "total": 1, "results": [
              {"id": "qarmin-1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "Qarmin Precision Trading Company", "alt_names": [],
               "addresses": [{"country": "CN"}], "federal_register_notice": "91 FR 10001",
               "license_requirement": "For all items subject to the EAR. (See §744.11 of the EAR)", "license_policy": "Policy of denial."}]}
            """);

        var imported = await run.RunAsync("lists", "import", list, "--format", "csl-json");
        imported.ExitCode.ShouldBe(0, imported.Error);
        imported.Error.ShouldContain("re-screening the parties of 2 open order(s)");

        (await run.RunAsync("holds", "--json")).Json.AsArray().Select(h => h!["order"]!.GetValue<string>()).ShouldBe(["SO-QARMIN"]);
        var job = (await run.RunAsync("jobs", "--json")).Json.AsArray().Single()!;
        (job["kind"]!.GetValue<string>(), job["status"]!.GetValue<string>()).ShouldBe(("rescreening", "completed"));
        var results = Path.Combine(run.DataDirectory, "rescreening.jsonl");
        (await run.RunAsync("jobs", "results", job["id"]!.GetValue<string>(), "--out", results)).ExitCode.ShouldBe(0);
        var lines = File.ReadAllLines(results).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Select(l => (l["order"]!.GetValue<string>(), l["hits"]!.AsArray().Count > 0)).ShouldBe([("SO-HELIO", false), ("SO-QARMIN", true)]);
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Bad_rows_and_unknown_formats_refuse_the_submission_naming_the_line_and_store_no_job()
    {
        var run = new CliRun();
        var bad = await run.RunAsync("jobs", "submit", "screening", Write(run, "bad.csv", "id,name,type\nP1,Acme,entity\nP2,Beta,robot\n"));
        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldContain("bad.csv:3: type 'robot' is not one of entity, individual, vessel, aircraft");
        (await run.RunAsync("jobs", "submit", "screening", Write(run, "parties.json", "[]"))).ExitCode.ShouldBe(1);
        (await run.RunAsync("jobs", "submit", "screening", Path.Combine(run.DataDirectory, "missing.csv"))).ExitCode.ShouldBe(1);
        (await run.RunAsync("jobs", "--json")).Json.AsArray().ShouldBeEmpty();
        (await run.RunAsync("jobs", "show", "job_01M937CZTV53J7DQP9HHNNRV68")).ExitCode.ShouldBe(1);
        (await run.RunAsync("jobs", "worker")).ExitCode.ShouldBe(2);
        (await run.RunAsync("worker")).ExitCode.ShouldBe(2);
    }
}
