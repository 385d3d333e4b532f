namespace Reticle.Store;

/// <summary>A hold to place on an order: the outcome that stops it and why, in words a reviewer reads.</summary>
public sealed record HoldDocument(string OrderId, string Outcome, string Reason);
