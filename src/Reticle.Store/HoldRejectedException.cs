namespace Reticle.Store;

/// <summary>A release the store refuses: an unknown hold, one not held, or released by the actor who requested it (four eyes). Nothing was written.</summary>
public sealed class HoldRejectedException(HoldRejection reason, string problem) : Exception(problem)
{
    public HoldRejection Reason { get; } = reason;
}
