using System.Data.Common;
using Microsoft.Data.Sqlite;
using Reticle.Store.Sqlite;

namespace Reticle.Store.Tests;

/// <summary>The store contract on SQLite: each database is a new folder under the temp directory.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly List<string> folders = [];

    protected override Task<string> CreateDatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reticle-store-tests", Guid.NewGuid().ToString("N"));
        folders.Add(folder);
        return Task.FromResult(folder);
    }

    protected override IReticleStore OpenStore(string database) => SqliteStore.Open(database);

    protected override Task DeleteDatabasesAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    protected override async Task<DbConnection> OpenRawConnectionAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Database, SqliteStore.FileName)};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task A_new_database_file_has_32_KB_pages_and_WAL()
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var pageSize = connection.CreateCommand();
        pageSize.CommandText = "PRAGMA page_size";
        (await pageSize.ExecuteScalarAsync()).ShouldBe(32768L);
        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        (await journal.ExecuteScalarAsync()).ShouldBe("wal");
    }

    [Fact]
    public async Task A_writer_waits_for_another_process_write_lock_instead_of_failing()
    {
        // Another process (a CLI import, say) holds SQLite's single write lock for a while.
        await using var other = (SqliteConnection)await OpenRawConnectionAsync();
        await using var transaction = other.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, now

        // On its own thread: SQLite waits inside the call, and Microsoft.Data.Sqlite's calls complete synchronously.
        var append = Task.Run(() => Store.AppendAuditAsync(new Reticle.Audit.AuditEntry(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), "tester", "test.event",
            new System.Text.Json.Nodes.JsonObject { ["n"] = 1 })));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        append.IsCompleted.ShouldBeFalse(append.Exception?.ToString());
        await transaction.CommitAsync();

        (await append).Sequence.ShouldBe(1);
    }

    protected override string DescribeSchemaSql =>
        "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name";

    // SQLite has no stored procedures: the trigger aborts the statement itself.
    protected override string FailAuditAppendSql(long sequence) =>
        $"""
        CREATE TRIGGER fail_audit_append BEFORE INSERT ON audit_log
        WHEN NEW.sequence = {sequence}
        BEGIN
            SELECT RAISE(ABORT, 'audit write refused by test trigger');
        END;
        """;

    protected override string StopFailingAuditAppendsSql => "DROP TRIGGER fail_audit_append;";
}
