namespace Reticle.Service.Jobs;

/// <summary>Queued when a job is submitted: the node that takes it queues one <see cref="RunShard"/> per shard.</summary>
public sealed record StartJob(string JobId);

/// <summary>Run one shard of a job. Delivered at least once: running it again changes nothing.</summary>
public sealed record RunShard(string JobId, int Shard);
