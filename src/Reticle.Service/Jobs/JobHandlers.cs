using Wolverine;

namespace Reticle.Service.Jobs;

/// <summary>The job engine's message handlers (Wolverine finds them by name): thin, the work is in <see cref="IShardRunner"/>.</summary>
public static class JobHandlers
{
    /// <summary>Shard messages one <see cref="StartJob"/> queues at most.</summary>
    public const int ShardsPerFanOut = 500;

    /// <summary>Fans a job out into its shards, sent together once this handler returns (one batch, not one send per shard).</summary>
    public static async Task<OutgoingMessages> Handle(StartJob message, IShardRunner runner, CancellationToken cancellationToken)
    {
        var messages = new OutgoingMessages();
        if (await runner.GetJobAsync(message.JobId, cancellationToken) is not { } job || Store.JobStatus.HasEnded(job.Status))
        {
            return messages;
        }
        if (job.ShardCount == 0 && message.FirstShard == 0)
        {
            await runner.CompleteAsync(job.Id, cancellationToken);
            return messages;
        }
        var until = Math.Min(job.ShardCount, message.FirstShard + ShardsPerFanOut);
        for (var shard = message.FirstShard; shard < until; shard++)
        {
            messages.Add(new RunShard(job.Id, shard));
        }
        if (until < job.ShardCount)
        {
            // Queued after this batch's shards: the next batch follows them, and memory holds one batch whatever the job's size.
            messages.Add(new StartJob(job.Id, until));
        }
        return messages;
    }

    public static Task Handle(RunShard message, IShardRunner runner, CancellationToken cancellationToken) =>
        runner.RunShardAsync(message.JobId, message.Shard, cancellationToken);
}
