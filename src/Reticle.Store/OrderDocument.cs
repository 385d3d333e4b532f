using NodaTime;

namespace Reticle.Store;

/// <summary>An order to record: a transaction's id, its planned date and the transaction JSON exactly as given.</summary>
public sealed record OrderDocument(string Id, LocalDate PlannedDate, string InputJson);
