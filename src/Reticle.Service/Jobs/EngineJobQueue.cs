using Reticle.Store;
using Wolverine;

namespace Reticle.Service.Jobs;

/// <summary>Queues a job on the job engine (Wolverine's PostgreSQL queue): one message, which a worker fans out into its shards.</summary>
internal sealed class EngineJobQueue(IMessageBus bus) : IJobQueue
{
    public async Task EnqueueAsync(StoredJob job, CancellationToken cancellationToken) => await bus.PublishAsync(new StartJob(job.Id));
}
