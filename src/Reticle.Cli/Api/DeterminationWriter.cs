using System.Threading.Channels;
using NodaTime;
using Reticle.Audit;
using Reticle.Store;

namespace Reticle.Cli.Api;

/// <summary>
/// Group commit for determinations: requests that arrive while a write is in progress are stored together,
/// one transaction per actor, each determination still with its own audit record. A request is answered only
/// after its transaction committed, and fails if it failed. (SQLite has one writer and a commit costs a sync;
/// a transaction per request caps the API at a few hundred determinations a second.)
/// </summary>
internal sealed class DeterminationWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IReticleStore _store;
    private readonly IClock _clock;
    private readonly Task _loop;

    public DeterminationWriter(IReticleStore store, IClock clock)
    {
        _store = store;
        _clock = clock;
        _loop = Task.Run(LoopAsync);
    }

    public Task<IReadOnlyList<AuditRecord>> RecordAsync(IReadOnlyList<DeterminationRecord> records, string actor, CancellationToken cancellationToken)
    {
        // Encoded here, on the request's thread: the writer, one for all requests, is left only the chain and the rows.
        var pending = new Pending([.. records.Select(PreparedDetermination.Prepare)], actor, new TaskCompletionSource<IReadOnlyList<AuditRecord>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("the server is stopping");
        }
        // The write goes ahead even if the caller gives up: a decision is either stored whole or not at all.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>();
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            foreach (var group in batch.GroupBy(p => p.Actor, StringComparer.Ordinal))
            {
                var members = group.ToList();
                try
                {
                    var audit = await _store.RecordDeterminationsAsync(members.SelectMany(p => p.Records).ToList(), group.Key, _clock.GetCurrentInstant());
                    var offset = 0;
                    foreach (var member in members)
                    {
                        member.Done.SetResult(audit.Skip(offset).Take(member.Records.Count).ToList());
                        offset += member.Records.Count;
                    }
                }
                catch (Exception e)
                {
                    foreach (var member in members)
                    {
                        member.Done.TrySetException(e);
                    }
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(IReadOnlyList<PreparedDetermination> Records, string Actor, TaskCompletionSource<IReadOnlyList<AuditRecord>> Done);
}
