using NodaTime;

namespace Reticle.Store;

public enum ContentKind
{
    RulePack,
    Catalog,
}

/// <summary>
/// A content file as the store keeps it: the exact text, so a decision can be replayed from the rules
/// it was made with, and when it was imported (what the store knew, and since when).
/// </summary>
public sealed record ContentDocument(ContentKind Kind, string Name, string Sha256, string Text, Instant? ImportedAt = null);
