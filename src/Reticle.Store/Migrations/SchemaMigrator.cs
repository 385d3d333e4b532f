using System.Data.Common;
using Dapper;

namespace Reticle.Store.Migrations;

/// <summary>
/// Applies pending migrations in version order, each in its own transaction together with its row in
/// <c>schema_migrations</c>, so a failed script leaves the schema at the previous version.
/// </summary>
/// <remarks>
/// The caller serialises migrators across processes (SQLite: the write lock taken by
/// <paramref name="beginWrite"/>; PostgreSQL: an advisory lock held around the call). Whether a version
/// is applied is checked inside its transaction, because another process may have applied it while
/// this one waited.
/// </remarks>
internal static class SchemaMigrator
{
    public static async Task ApplyAsync(
        DbConnection connection,
        IReadOnlyList<SchemaMigration> migrations,
        string createLedgerSql,
        Func<DbConnection, CancellationToken, Task<DbTransaction>> beginWrite,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(createLedgerSql, cancellationToken: cancellationToken));

        var newest = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken));
        var known = migrations[^1].Version;
        if (newest > known)
        {
            // A newer Reticle has migrated this database; writing with the older code could corrupt it.
            throw new InvalidOperationException($"The database schema is at version {newest}, newer than this Reticle knows ({known}). Upgrade Reticle.");
        }

        // Every migration applied (the usual case: every command opens the store): nothing to write, so no write lock is
        // taken. Opening a data folder that is up to date must not queue behind, or block, another process's writes.
        var done = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        if (migrations.All(m => done.Contains(m.Version)))
        {
            return;
        }

        foreach (var migration in migrations)
        {
            await using var transaction = await beginWrite(connection, cancellationToken);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version",
                new { migration.Version }, transaction, cancellationToken: cancellationToken));
            if (applied == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name }, transaction, cancellationToken: cancellationToken));
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
