using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>What the job engine's handlers call (public: the engine's generated handler code refers to it).</summary>
public interface IShardRunner
{
    Task<StoredJob?> GetJobAsync(string jobId, CancellationToken cancellationToken);

    Task RunShardAsync(string jobId, int shard, CancellationToken cancellationToken);

    Task CompleteAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Fails the job of a shard (null: of a job whose start) that failed <paramref name="attempts"/> times: the retry policy gave
    /// up. Names the shard and the error.
    /// </summary>
    Task FailAsync(string jobId, int? shard, Exception failure, int attempts, CancellationToken cancellationToken);
}
