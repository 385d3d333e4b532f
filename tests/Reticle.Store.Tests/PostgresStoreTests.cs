using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Reticle.Store.Postgres;

namespace Reticle.Store.Tests;

/// <summary>
/// The store contract on a real PostgreSQL, reached through <c>RETICLE_TEST_POSTGRES</c> (see
/// <c>scripts/postgres.sh</c>). Each test gets a database of its own, created with a random name and
/// dropped afterwards. Without a server these tests fail rather than skip: a green run must mean
/// PostgreSQL was tested.
/// </summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    private const string ConnectionVariable = "RETICLE_TEST_POSTGRES";
    private const string HowToStart = "Start a throwaway server with: eval \"$(scripts/postgres.sh start)\"";

    private readonly List<string> databases = [];

    protected override async Task<string> CreateDatabaseAsync()
    {
        var name = $"reticle_test_{Guid.NewGuid():N}";
        await using var admin = await OpenAdminAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await command.ExecuteNonQueryAsync();
        databases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name }.ConnectionString;
    }

    protected override IReticleStore OpenStore(string database) => PostgresStore.Open(database);

    protected override async Task DeleteDatabasesAsync()
    {
        if (databases.Count == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync();
        foreach (var name in databases)
        {
            // FORCE: a store a failed test did not dispose may still hold connections.
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    protected override async Task<DbConnection> OpenRawConnectionAsync()
    {
        var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        return connection;
    }

    protected override string DescribeSchemaSql =>
        """
        SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
        FROM information_schema.columns
        WHERE table_schema = 'public'
        UNION ALL
        SELECT indexname || ': ' || indexdef
        FROM pg_indexes
        WHERE schemaname = 'public'
        ORDER BY 1
        """;

    // PostgreSQL triggers call a function, which raises the error.
    protected override string FailAuditAppendSql(long sequence) =>
        $"""
        CREATE FUNCTION fail_audit_append() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit write refused by test trigger';
        END
        $$;
        CREATE TRIGGER fail_audit_append BEFORE INSERT ON audit_log
        FOR EACH ROW WHEN (NEW.sequence = {sequence})
        EXECUTE FUNCTION fail_audit_append();
        """;

    protected override string StopFailingAuditAppendsSql =>
        "DROP TRIGGER fail_audit_append ON audit_log; DROP FUNCTION fail_audit_append();";

    [Fact]
    public async Task A_stored_decision_is_compressed_with_lz4()
    {
        var result = $$"""{"transaction": "T-1", "findings": [{{string.Join(", ", Enumerable.Range(0, 400).Select(i => $"\"finding {i}\""))}}]}""";
        await Store.RecordDeterminationsAsync([new DeterminationRecord("T-1", new NodaTime.LocalDate(2024, 1, 1), null, "permitted", "rules", "{}", result)], "tester",
            NodaTime.Instant.FromUtc(2026, 7, 23, 10, 15, 0));

        (await QueryRawAsync("SELECT pg_column_compression(result_json) FROM determinations")).ShouldBe(["lz4"]);
    }

    [Fact]
    public async Task The_licence_book_version_comes_from_notifications_once_listening()
    {
        // Listening: the version is a count of notifications (positive); the fallback query's are negative.
        var listening = 0L;
        for (var i = 0; i < 100 && (listening = await Store.LicenseBookVersionAsync()) <= 0; i++)
        {
            await Task.Delay(20);
        }
        listening.ShouldBeGreaterThan(0);

        await using (var other = OpenStore(Database))
        {
            await other.AppendLicenseEventsAsync([new Reticle.Licensing.LicenseIssued(NlLicense())], "tester", NodaTime.Instant.FromUtc(2026, 7, 23, 10, 15, 0));
        }

        var moved = listening;
        for (var i = 0; i < 100 && (moved = await Store.LicenseBookVersionAsync()) == listening; i++)
        {
            await Task.Delay(20);
        }
        moved.ShouldBe(listening + 1);
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException($"{ConnectionVariable} is not set, so the PostgreSQL store tests cannot run. {HowToStart}");

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connectionString = AdminConnectionString();
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
            throw new InvalidOperationException(
                $"PostgreSQL from {ConnectionVariable} ({builder.Host}:{builder.Port}) is unreachable: {e.Message}. {HowToStart}", e);
        }
    }
}
