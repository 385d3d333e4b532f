namespace Reticle.Store;

/// <summary>
/// A hold a shard of a job places (re-screening after a list import): the determination that stops the order, recorded and
/// sealed like a shipment's, and the hold it calls for. Written with the shard's results, in one transaction, or not at all.
/// </summary>
public sealed record ShardHold(DeterminationRecord Determination, HoldDocument Hold);
