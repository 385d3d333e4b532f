using Npgsql;

namespace Reticle.Store.Postgres;

/// <summary>
/// Listens, on a connection of its own, for the notification every write that records licence events sends as it commits
/// (<c>NOTIFY reticle_license_events</c>), and counts them: a server then knows whether the licence book changed without a
/// query per request (a <c>COUNT(*)</c> per determination held PostgreSQL to half of SQLite's rate).
/// </summary>
/// <remarks>
/// A token is valid only while the same connection has listened throughout: each (re)connection starts a new epoch, and events
/// committed before it began are seen by any book read after the token was taken. While not listening (before the first
/// connection, after one is lost) there is no token, and the caller falls back to a query. A notification arrives a moment
/// after its commit: a request in that moment decides with the book as it was, as it would had it come a moment earlier.
/// </remarks>
internal sealed class LicenseEventNotifications : IAsyncDisposable
{
    public const string Channel = "reticle_license_events";

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _epoch;
    private long _count;
    private volatile bool _listening;

    /// <param name="settings">The store's connection settings; the listening connection is its own, outside the pool.</param>
    public LicenseEventNotifications(NpgsqlConnectionStringBuilder settings)
    {
        // A connection that only waits would not notice a server or network gone silent, and the node would trust a book that
        // no longer hears of changes: a keepalive query every few seconds makes a dead connection fail, and the node query.
        _connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = KeepAliveSeconds }.ConnectionString;
        _loop = Task.Run(ListenAsync);
    }

    private const int KeepAliveSeconds = 5;

    /// <summary>The epoch and the notifications counted in it, or null while not listening.</summary>
    public long? Version
    {
        get
        {
            if (!_listening)
            {
                return null;
            }
            // Epoch in the high bits: counts of two connections never compare equal.
            return (Interlocked.Read(ref _epoch) << 40) | Interlocked.Read(ref _count);
        }
    }

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(_stop.Token);
                connection.Notification += (_, _) => Interlocked.Increment(ref _count);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stop.Token);
                }
                // A new epoch only now that LISTEN is in force: a token of it can miss no commit after this point.
                Interlocked.Increment(ref _epoch);
                Interlocked.Exchange(ref _count, 0);
                _listening = true;
                while (!_stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(_stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // The connection failed or was closed by the server: callers query until listening again.
            }
            finally
            {
                _listening = false;
            }
            try
            {
                await Task.Delay(Retry, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
