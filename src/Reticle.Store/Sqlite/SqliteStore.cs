using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;
using Reticle.Store.Migrations;

namespace Reticle.Store.Sqlite;

/// <summary>
/// The embedded default store: one <c>reticle.db</c> file in WAL mode. SQLite has a single writer, and
/// every write here takes it up front (<c>BEGIN IMMEDIATE</c>), so the audit head a write reads cannot
/// change before it commits, whichever process or connection it comes from. Instants and dates are
/// ISO-8601 text (<see cref="SqliteText"/>).
/// </summary>
public sealed class SqliteStore : SqlStore
{
    public const string FileName = "reticle.db";

    // How long a writer waits for another process's write lock before failing loudly.
    private const int BusyTimeoutSeconds = 30;

    private readonly string connectionString;

    private SqliteStore(string connectionString) => this.connectionString = connectionString;

    /// <summary>Opens (creating if needed) <c>reticle.db</c> in <paramref name="dataDirectory"/>. Call <see cref="MigrateAsync"/> before use.</summary>
    public static SqliteStore Open(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        CreatePrivately(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy or locked database until a command's timeout, and uses this one for
            // the commands it creates itself (BEGIN IMMEDIATE): a writer waits for another process's write lock instead
            // of failing at once. (A busy_timeout pragma did the same, at the price of a statement per connection opened.)
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL is a property of the file, set once: readers then never block the writer, nor it them. So is the page
        // size, which only a new file takes: a stored decision and its audit record are tens of kilobytes each, and
        // 32 KB pages write them with far fewer overflow pages than the 4 KB default (about a quarter less time
        // per determination in bench/Reticle.Bench -- store).
        connection.Execute("PRAGMA page_size = 32768; PRAGMA journal_mode = WAL;");
        return new SqliteStore(connectionString);
    }

    /// <summary>
    /// A new data folder is the user's alone (0700) and a new database file too (0600; SQLite gives its WAL and shared-memory
    /// files the database file's mode): the file holds every decision, licence and the hashes of API keys, and anyone who
    /// can read it can read them all. An existing folder or file keeps the mode its owner gave it.
    /// </summary>
    private static void CreatePrivately(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
        {
            try
            {
                using var created = new FileStream(file, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first; it chose the mode.
            }
        }
    }

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // Each migration takes the write lock like any other write, which is what serialises migrators.
        await SchemaMigrator.ApplyAsync(
            connection,
            SchemaMigration.For("Sqlite"),
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """,
            BeginWriteAsync,
            cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the data folder can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // BEGIN IMMEDIATE: take the write lock before reading the audit head, so no other writer can
    // append between our read and our commit (a deferred BEGIN would read first and fail to upgrade).
    private protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private protected override object ToColumn(Instant instant) => SqliteText.Of(instant);

    private protected override object ToColumn(LocalDate date) => SqliteText.Of(date);

    private protected override Instant ToInstant(object column) => SqliteText.ToInstant((string)column);

    private protected override LocalDate ToDate(object column) => SqliteText.ToDate((string)column);
}
