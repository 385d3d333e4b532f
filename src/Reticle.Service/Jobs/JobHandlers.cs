using Wolverine;

namespace Reticle.Service.Jobs;

/// <summary>The job engine's message handlers (Wolverine finds them by name): thin, the work is in <see cref="IShardRunner"/>.</summary>
public static class JobHandlers
{
    /// <summary>Fans a job out into its shards, sent together once this handler returns (one batch, not one send per shard).</summary>
    public static async Task<OutgoingMessages> Handle(StartJob message, IShardRunner runner, CancellationToken cancellationToken)
    {
        var messages = new OutgoingMessages();
        if (await runner.GetJobAsync(message.JobId, cancellationToken) is not { } job || Store.JobStatus.HasEnded(job.Status))
        {
            return messages;
        }
        if (job.ShardCount == 0)
        {
            await runner.CompleteAsync(job.Id, cancellationToken);
            return messages;
        }
        for (var shard = 0; shard < job.ShardCount; shard++)
        {
            messages.Add(new RunShard(job.Id, shard));
        }
        return messages;
    }

    public static Task Handle(RunShard message, IShardRunner runner, CancellationToken cancellationToken) =>
        runner.RunShardAsync(message.JobId, message.Shard, cancellationToken);
}
