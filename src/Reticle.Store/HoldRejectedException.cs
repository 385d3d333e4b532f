namespace Reticle.Store;

/// <summary>A release the store refuses: an unknown hold, one not held, or released by the actor who requested it (four eyes). Nothing was written.</summary>
public sealed class HoldRejectedException(string problem) : Exception(problem);
