using NodaTime;

namespace Reticle.Store;

/// <summary>An order as stored, with the outcome of its latest recorded determination (<c>null</c> if never decided).</summary>
public sealed record StoredOrder(string Id, LocalDate PlannedDate, OrderStatus Status, string InputJson, string? LatestOutcome, long AuditSequence, Instant AddedAt);
