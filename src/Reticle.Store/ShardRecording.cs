namespace Reticle.Store;

/// <summary>
/// What recording a shard's results did: <see cref="Landed"/> when this call stored them (false when an earlier run of the
/// shard had, or the job has ended), and <see cref="AllShardsDone"/> when every shard of the job has landed.
/// </summary>
public sealed record ShardRecording(bool Landed, bool AllShardsDone, bool JobEnded);
