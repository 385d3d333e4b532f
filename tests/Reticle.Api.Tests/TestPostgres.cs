using Npgsql;

namespace Reticle.Api.Tests;

/// <summary>
/// Fresh databases on the PostgreSQL server the test command starts (<c>RETICLE_TEST_POSTGRES</c>).
/// Without one the PostgreSQL tests fail: they are never skipped.
/// </summary>
internal static class TestPostgres
{
    private static string Server =>
        Environment.GetEnvironmentVariable("RETICLE_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("RETICLE_TEST_POSTGRES is not set: run the tests with scripts/test, which starts PostgreSQL");

    /// <returns>The connection string of a new, empty database.</returns>
    public static string CreateDatabase(string prefix)
    {
        var database = prefix + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using (var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection))
        {
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;
    }
}
