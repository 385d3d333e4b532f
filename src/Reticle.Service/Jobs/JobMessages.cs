namespace Reticle.Service.Jobs;

/// <summary>
/// Queued when a job is submitted: the node that takes it queues one <see cref="RunShard"/> per shard from
/// <paramref name="FirstShard"/> on, a batch at a time, and the rest as another <see cref="StartJob"/> (so a job of millions of
/// inputs is never fanned out in one message's memory).
/// </summary>
public sealed record StartJob(string JobId, int FirstShard = 0);

/// <summary>Run one shard of a job. Delivered at least once: running it again changes nothing.</summary>
public sealed record RunShard(string JobId, int Shard);
