using Microsoft.Data.Sqlite;

namespace Reticle.Cli.Tests;

public sealed class AuditCommandTests
{
    // A fresh data folder records the bundled content (1) and each bundled list dataset (4) before any decision.
    private const int SeedRecords = 5;

    private static async Task<CliRun> WithDecisions(int count)
    {
        var run = new CliRun();
        for (var i = 0; i < count; i++)
        {
            (await run.RunAsync("check", Repository.Sample("nxt2050i-to-us-2024-02-01.json"))).ExitCode.ShouldBe(0);
        }
        return run;
    }

    // A tamperer with file access can switch constraints off; the chain must catch them anyway.
    private static void Sql(CliRun run, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={run.DatabaseFile};Pooling=False;Foreign Keys=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        var run = await WithDecisions(3);
        var result = await run.RunAsync("audit", "verify");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain($"audit chain intact: {SeedRecords + 3} record(s)");
        result.Out.ShouldContain("3 stored determination(s) match their seals");
    }

    [Fact]
    public async Task A_stored_decision_edited_behind_the_chain_breaks_its_seal()
    {
        var run = await WithDecisions(3);
        Sql(run, $"UPDATE determinations SET result_json = replace(result_json, 'license-required', 'permitted') WHERE audit_sequence = {SeedRecords + 2}");
        var result = await run.RunAsync("audit", "verify", "--json");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain($"\"firstBadRecord\": {SeedRecords + 2}");
        result.Error.ShouldContain($"audit chain BROKEN at record {SeedRecords + 2}: the determination of");
        result.Error.ShouldContain("its result is not the text sealed");
    }

    [Fact]
    public async Task An_edited_decision_is_found_and_named()
    {
        var run = await WithDecisions(3);
        Sql(run, $"UPDATE audit_log SET payload = replace(payload, 'license-required', 'permitted') WHERE sequence = {SeedRecords + 2}");
        var result = await run.RunAsync("audit", "verify");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"audit chain BROKEN at record {SeedRecords + 2}");
    }

    [Fact]
    public async Task A_deleted_decision_is_found_and_named()
    {
        var run = await WithDecisions(3);
        Sql(run, "DELETE FROM audit_log WHERE sequence = 2");
        var result = await run.RunAsync("audit", "verify");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("audit chain BROKEN at record 2");
    }

    [Fact]
    public async Task Deleting_the_newest_record_is_found()
    {
        var run = await WithDecisions(3);
        Sql(run, $"DELETE FROM audit_log WHERE sequence = {SeedRecords + 3}");
        var result = await run.RunAsync("audit", "verify");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"BROKEN at record {SeedRecords + 3}");
    }

    [Fact]
    public async Task Each_decision_is_stored_with_its_input_rule_versions_and_result_and_sealed_by_a_record_naming_its_actor()
    {
        var run = await WithDecisions(1);
        using var connection = new SqliteConnection($"Data Source={run.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT a.actor, a.kind, a.payload, d.input_json, d.result_json
            FROM audit_log a JOIN determinations d ON d.audit_sequence = a.sequence
            ORDER BY a.sequence DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetString(0).ShouldBe("test:alice");
        reader.GetString(1).ShouldBe("determination");
        var (payload, input, result) = (reader.GetString(2), reader.GetString(3), reader.GetString(4));
        input.ShouldContain("SAMPLE");
        result.ShouldContain("\"ruleVersions\":");
        result.ShouldContain("\"outcome\":\"license-required\"");
        payload.ShouldContain("\"outcome\":\"license-required\"");
        payload.ShouldContain($"\"inputSha256\":\"{Sha256(input)}\"");
        payload.ShouldContain($"\"resultSha256\":\"{Sha256(result)}\"");
    }

    private static string Sha256(string text) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
