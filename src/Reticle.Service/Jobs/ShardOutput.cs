using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>What a shard produced: its result lines in input order, and the holds it places (re-screening), written together once.</summary>
internal sealed record ShardOutput(IReadOnlyList<string> Results, IReadOnlyList<ShardHold> Holds);
