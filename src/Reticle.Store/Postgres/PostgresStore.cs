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

    private PostgresStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>Opens a store over <paramref name="connectionString"/> (an Npgsql connection string). Call <see cref="MigrateAsync"/> before use.</summary>
    public static PostgresStore Open(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

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

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

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
