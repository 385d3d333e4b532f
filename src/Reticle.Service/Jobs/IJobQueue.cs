using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>Where a submitted job goes to be done: run here and now (SQLite), or queued for worker nodes (PostgreSQL).</summary>
internal interface IJobQueue
{
    Task EnqueueAsync(StoredJob job, CancellationToken cancellationToken);
}
