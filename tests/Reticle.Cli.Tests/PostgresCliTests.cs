using Npgsql;

namespace Reticle.Cli.Tests;

/// <summary>
/// The same commands with <c>--postgres</c>, against the real server the test command starts
/// (<c>RETICLE_TEST_POSTGRES</c>). Without one these tests fail: they are never skipped.
/// </summary>
public sealed class PostgresCliTests : IAsyncLifetime
{
    private ThrowawayDatabase _database = null!;

    public async Task InitializeAsync() => _database = await ThrowawayDatabase.CreateAsync("reticle_cli_", pooling: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Check_and_audit_verify_work_on_PostgreSQL()
    {
        var run = new CliRun(_database.ConnectionString);
        var check = await run.RunAsync("check", Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"), "--json");
        check.ExitCode.ShouldBe(0, check.Error);
        check.Json["outcome"]!.GetValue<string>().ShouldBe("license-required");
        var verify = await run.RunAsync("audit", "verify");
        verify.ExitCode.ShouldBe(0, verify.Error);
        // The seeding (bundled content, then each bundled list snapshot) comes first, then the decision.
        verify.Out.ShouldContain("audit chain intact: 6 record(s)");
    }

    [Fact]
    public async Task The_revocation_story_runs_on_PostgreSQL_licences_orders_shipping_and_impact()
    {
        var run = new CliRun(_database.ConnectionString);
        // Licences valid on the test clock's 2026-11-25, the day SO-DEC ships; impact still decides the open orders on their planned dates.
        await LicenseFixtures.AddLicensesOnShippingDayAsync(run);
        var orders = OrdersCommandTests.Lines(LicenseFixtures.UnlistedShipment("SO-DEC", "2023-12-15"), LicenseFixtures.UnlistedShipment("SO-JAN", "2024-01-02"),
            LicenseFixtures.UnlistedShipment("SO-FEB", "2024-02-01"));
        (await run.RunAsync("orders", "add", LicenseFixtures.Write(run, "orders.jsonl", orders))).ExitCode.ShouldBe(0);
        (await run.RunAsync("orders", "ship", "SO-DEC", "--json")).Json["shipped"]!.GetValue<bool>().ShouldBeTrue();
        (await run.RunAsync("licenses", "revoke", LicenseFixtures.Id, "--effective", "2024-01-01", "--announced", "2024-01-01", "--line", "1")).ExitCode.ShouldBe(0);

        var impact = (await run.RunAsync("impact", "--known-at", "2023-12-01", "--vs", "2024-01-02", "--json")).Json;
        impact["changes"]!.AsArray().Select(c => c!["transaction"]!.GetValue<string>()).ShouldBe(["SO-JAN", "SO-FEB"]);
        (await run.RunAsync("licenses", "show", LicenseFixtures.EuId, "--json")).Json["lines"]![0]!["remainingQuantity"]!.GetValue<decimal>().ShouldBe(2);
        (await run.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_backdated_order_is_decided_on_the_day_it_ships_on_PostgreSQL() =>
        await OrdersCommandTests.A_backdated_order_is_held_on_the_day_it_ships(new CliRun(_database.ConnectionString));

    [Fact]
    public async Task Tampering_is_found_on_PostgreSQL_too()
    {
        var run = new CliRun(_database.ConnectionString);
        (await run.RunAsync("check", Repository.Sample("nxt2050i-to-us-2024-02-01.json"))).ExitCode.ShouldBe(0);
        (await run.RunAsync("check", Repository.Sample("nxt2050i-to-de-2024-02-01.json"))).ExitCode.ShouldBe(0);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
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
