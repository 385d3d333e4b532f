using System.Data.Common;
using Dapper;
using NodaTime;
using Npgsql;
using Reticle.Store.Migrations;

namespace Reticle.Store.Postgres;

/// <summary>
/// The shared store for many Reticle processes. Every write that appends to the audit chain first takes
/// one transaction-scoped advisory lock, so appends from any number of processes and connections are
/// serialised: each reads the head only once it holds the lock, and the lock is released at commit or
/// rollback. Reads take no lock. Instants are <c>timestamptz</c>, dates are <c>date</c>.
/// </summary>
public sealed class PostgresStore : SqlStore
{
    // Advisory lock keys: fixed, arbitrary, and distinct from each other ('Reticle' in ASCII, then 1 or 2).
    private const long MigrationLock = 0x5265_7469_636C_6501;
    private const long AuditLock = 0x5265_7469_636C_6502;

    private readonly NpgsqlDataSource dataSource;

    // Started by the first caller that asks for the licence book's version (a server), not by one-shot commands.
    private readonly Lazy<LicenseEventNotifications> notifications;

    private PostgresStore(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder settings)
    {
        this.dataSource = dataSource;
        notifications = new Lazy<LicenseEventNotifications>(() => new LicenseEventNotifications(settings), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Opens a store over <paramref name="connectionString"/> (an Npgsql connection string). Call <see cref="MigrateAsync"/> before use.</summary>
    public static PostgresStore Open(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // Unless the connection string says otherwise: statements used more than once are prepared on each connection (the store
        // runs a few dozen distinct ones, each many times), so PostgreSQL parses and plans them once, not per call.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        // The store sets no session state that could leak to the next user of a pooled connection (its advisory locks are
        // transaction-scoped, the migration lock is released in a finally), so the reset each return to the pool costs is saved.
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }
        return new(NpgsqlDataSource.Create(settings), settings);
    }

    /// <summary>
    /// From notifications while listening (no query); otherwise the highest event id, as on SQLite, made negative so that the two
    /// kinds of token never compare equal.
    /// </summary>
    public override async Task<long> LicenseBookVersionAsync(CancellationToken cancellationToken = default) =>
        notifications.Value.Version ?? -1 - await base.LicenseBookVersionAsync(cancellationToken);

    private protected override async Task LicenseEventsAppendedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        // Delivered to every listener when (and only if) the transaction commits.
        await connection.ExecuteAsync(new CommandDefinition($"NOTIFY {LicenseEventNotifications.Channel}", transaction: transaction, cancellationToken: cancellationToken));

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A session lock, held across the migrations' own transactions: processes starting together
        // apply each script once, the others wait and then find nothing to do.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = MigrationLock }, cancellationToken: cancellationToken));
        try
        {
            await SchemaMigrator.ApplyAsync(
                connection,
                SchemaMigration.For("Postgres"),
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                async (c, ct) => await ((NpgsqlConnection)c).BeginTransactionAsync(ct),
                cancellationToken);
        }
        finally
        {
            // Not cancellable: the lock must be released even when migrating was cancelled.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = MigrationLock });
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (notifications.IsValueCreated)
        {
            await notifications.Value.DisposeAsync();
        }
        await dataSource.DisposeAsync();
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            // Taken before anything is read, and held to commit or rollback: the audit head this write reads
            // stays the head until it commits (READ COMMITTED gives each later statement a fresh snapshot).
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = AuditLock }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    // The lock BeginWriteAsync takes, sent in one batch with a write's rows: in READ COMMITTED each statement of the batch
    // takes its snapshot when it starts, so the statements after the lock see every write committed before it was granted.
    private protected override string WriteLockSql { get; } = $"SELECT pg_advisory_xact_lock({AuditLock})";

    // Division by zero (22012) unless the head is the one guessed: the transaction fails, the rest of the batch is skipped.
    private protected override string AssertHeadSql =>
        "SELECT 1 / (SELECT COUNT(*) FROM audit_head WHERE id = 1 AND sequence = @Sequence AND hash = @Hash)::integer";

    private protected override bool IsHeadMoved(Exception error) => error is PostgresException { SqlState: PostgresErrorCodes.DivisionByZero };

    // Npgsql writes a DateTimeOffset as timestamptz and reads timestamptz back as a UTC DateTime, both at
    // the microsecond precision the audit chain keeps.
    private protected override object ToColumn(Instant instant) => instant.ToDateTimeOffset();

    private protected override Instant ToInstant(object column) => Instant.FromDateTimeUtc((DateTime)column);

    // Dapper cannot pass DateOnly; a midnight DateTime cast to date (see DateParameter) is exact.
    // Npgsql reads date back as a DateOnly.
    private protected override object ToColumn(LocalDate date) => date.ToDateTimeUnspecified();

    private protected override LocalDate ToDate(object column) => LocalDate.FromDateOnly((DateOnly)column);

    private protected override string DateParameter(string parameter) => $"CAST({parameter} AS date)";
}
