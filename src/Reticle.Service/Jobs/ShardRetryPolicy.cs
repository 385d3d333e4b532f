using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Reticle.Service.Jobs;

/// <summary>
/// What happens when a shard throws (ADR 0009). A transient failure — the database connection lost, a serialization failure
/// or deadlock, a timeout, SQLite busy — is retried on the same node after each of <see cref="Cooldowns"/>, then fails the
/// job naming the shard and the last error. Anything else would fail the same way on any worker and at any time (a bug, a
/// stored input that no longer reads, a constraint the write breaks), so it fails the job at once. The worker gives these
/// rules to Wolverine (<see cref="JobEngine"/>); the in-process path (SQLite) follows them in <see cref="RunAsync"/>.
/// </summary>
internal sealed record ShardRetryPolicy(IReadOnlyList<TimeSpan> Cooldowns)
{
    /// <summary>0.5 s, 2 s, 8 s: a deadlock or a dropped connection is over long before; a database down for longer fails the job.</summary>
    public static ShardRetryPolicy Default { get; } = new([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8)]);

    /// <summary>How many times a shard is run before a transient failure fails its job.</summary>
    public int Attempts => Cooldowns.Count + 1;

    // PostgreSQL error classes worth another attempt: 08 connection exception, 40 transaction rollback (40001 serialization
    // failure, 40P01 deadlock), 53 insufficient resources (53300 too many connections), 57 operator intervention (57014 a
    // statement timeout, 57P01 an administrator's shutdown, 57P03 cannot connect now).
    private static readonly string[] TransientClasses = ["08", "40", "53", "57"];

    /// <summary>Whether another attempt could succeed; the exception or any it wraps decides.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => TransientClasses.Any(c => postgres.SqlState.StartsWith(c, StringComparison.Ordinal)),
        // Not from the server: the socket, the connection pool or a timeout (Npgsql sets IsTransient for exactly those).
        NpgsqlException npgsql => npgsql.IsTransient,
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another writer held the database past the busy timeout.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        DbException db => db.IsTransient,
        TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>
    /// Runs <paramref name="attempt"/> under this policy: a transient failure is tried again after each cooldown, and when they
    /// are used up <paramref name="exhausted"/> is called with the last failure and the number of attempts made.
    /// </summary>
    public async Task RunAsync(Func<Task> attempt, Func<Exception, int, Task> exhausted, CancellationToken cancellationToken)
    {
        for (var made = 1; ; made++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (made >= Attempts)
                {
                    await exhausted(e, made);
                    return;
                }
                await Task.Delay(Cooldowns[made - 1], cancellationToken);
            }
        }
    }
}
