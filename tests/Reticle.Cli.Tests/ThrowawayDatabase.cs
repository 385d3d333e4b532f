using Npgsql;

namespace Reticle.Cli.Tests;

/// <summary>
/// A database of a test's own on the PostgreSQL server the test command starts (<c>RETICLE_TEST_POSTGRES</c>), dropped
/// afterwards with the worker processes the test started and the screening-index cache they shared. Without the server a
/// test that asks for one fails: it is never skipped.
/// </summary>
internal sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];
    private readonly string _name;

    private ThrowawayDatabase(string name, string connectionString) => (_name, ConnectionString) = (name, connectionString);

    public static string Server =>
        Environment.GetEnvironmentVariable("RETICLE_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("RETICLE_TEST_POSTGRES is not set: run the tests with scripts/test, which starts PostgreSQL");

    public string ConnectionString { get; }

    /// <summary>Shared by every process of the test (workers and the submitting CLI): the screening index is built once.</summary>
    public string Cache { get; } = Directory.CreateTempSubdirectory("reticle-test-cache-").FullName;

    /// <param name="prefix">Names the database after the tests (<c>reticle_jobs_</c>…), for whoever looks at the server.</param>
    /// <param name="pooling">False for tests that count the server's connections or must not keep one open.</param>
    public static async Task<ThrowawayDatabase> CreateAsync(string prefix, bool pooling = true)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(Server, $"CREATE DATABASE {name}");
        return new ThrowawayDatabase(name, new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = pooling }.ConnectionString);
    }

    /// <summary>The <c>reticle</c> command line on this database, with the shared cache.</summary>
    public CliRun Cli() => new CliRun(ConnectionString).With("RETICLE_CACHE", Cache);

    /// <summary>A <c>reticle worker</c> process on this database, stopped when the database is dropped.</summary>
    public WorkerProcess StartWorker(int staleAfterSeconds = 5)
    {
        var worker = WorkerProcess.Start(ConnectionString, Cache, staleAfterSeconds);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Runs SQL on this database; the first column of the first row, if any.</summary>
    public Task<object?> SqlAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        Directory.Delete(Cache, recursive: true);
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
