using Npgsql;

namespace Reticle.Cli.Tests;

/// <summary>
/// The same commands with <c>--postgres</c>, against the real server the test command starts
/// (<c>RETICLE_TEST_POSTGRES</c>). Without one these tests fail: they are never skipped.
/// </summary>
public sealed class PostgresCliTests : IAsyncLifetime
{
    private readonly string _database = "reticle_cli_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = "";

    private static string Server =>
        Environment.GetEnvironmentVariable("RETICLE_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("RETICLE_TEST_POSTGRES is not set: run the tests with scripts/test, which starts PostgreSQL");

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection))
        {
            await command.ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _database, Pooling = false }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Check_and_audit_verify_work_on_PostgreSQL()
    {
        var run = new CliRun(_connectionString);
        var check = await run.RunAsync("check", Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"), "--json");
        check.ExitCode.ShouldBe(0, check.Error);
        check.Json["outcome"]!.GetValue<string>().ShouldBe("license-required");
        var verify = await run.RunAsync("audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Error);
        // The bundled content (1) and list datasets (4), then the decision.
        verify.Out.ShouldContain("audit chain intact: 6 record(s)");
    }

    [Fact]
    public async Task Tampering_is_found_on_PostgreSQL_too()
    {
        var run = new CliRun(_connectionString);
        (await run.RunAsync("check", Repository.Sample("nxt2050i-to-us-2024-02-01.json"))).ExitCode.ShouldBe(0);
        (await run.RunAsync("check", Repository.Sample("nxt2050i-to-de-2024-02-01.json"))).ExitCode.ShouldBe(0);
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE audit_log SET actor = 'mallory' WHERE sequence = 2", connection);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var verify = await run.RunAsync("audit", "verify");
        verify.ExitCode.ShouldBe(1);
        verify.Error.ShouldContain("BROKEN at record 2");
    }
}
