namespace Reticle.Store;

/// <summary>
/// What a streamed <c>AddOrdersAsync</c> recorded: how many orders, and the audit records of the first and the last. The orders'
/// records are consecutive (one write holds the lock), so the range names every one without the store keeping them all.
/// </summary>
public sealed record OrdersAdded(long Count, long FirstSequence, long LastSequence);
