using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>
/// The embedded store has no workers: a job runs in the calling process, shard after shard, through the same
/// <see cref="JobRunner"/> a worker uses (so its results, digest and seal are the ones a cluster would give), under the same
/// <see cref="ShardRetryPolicy"/> a worker gives Wolverine.
/// </summary>
internal sealed class InProcessJobQueue(JobRunner runner, ShardRetryPolicy? retry = null) : IJobQueue
{
    private readonly ShardRetryPolicy _retry = retry ?? ShardRetryPolicy.Default;

    public async Task EnqueueAsync(StoredJob job, CancellationToken cancellationToken)
    {
        if (job.ShardCount == 0)
        {
            await runner.CompleteAsync(job.Id, cancellationToken);
            return;
        }
        for (var shard = 0; shard < job.ShardCount; shard++)
        {
            var at = shard;
            await _retry.RunAsync(() => runner.RunShardAsync(job.Id, at, cancellationToken),
                (failure, attempts) => runner.FailAsync(job.Id, at, failure, attempts, cancellationToken), cancellationToken);
        }
    }
}
