using NodaTime;

namespace Reticle.Store;

/// <summary>A list snapshot held by the store: when it was imported and under which audit record.</summary>
/// <param name="EntriesJson">The entries, when they were asked for; null in listings of what is held.</param>
public sealed record StoredListSnapshot(
    long Id,
    string Dataset,
    string Format,
    LocalDate? Published,
    string Sha256,
    int EntryCount,
    string ChangesJson,
    Instant ImportedAt,
    long AuditSequence,
    string? EntriesJson);
