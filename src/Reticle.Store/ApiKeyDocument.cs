using NodaTime;

namespace Reticle.Store;

/// <summary>
/// An API key as the store holds it: its name, role and the SHA-256 (hex) of the key, never the key. A revoked key
/// keeps its row (and its audit records) with <see cref="RevokedAt"/> set; it is never accepted again.
/// </summary>
public sealed record ApiKeyDocument(string Name, string Role, string Sha256, Instant? CreatedAt = null)
{
    /// <summary>When the key was revoked; <c>null</c> while it is valid.</summary>
    public Instant? RevokedAt { get; init; }

    /// <summary>When a server last accepted the key (to the minute; not sealed by the audit chain); <c>null</c> if never.</summary>
    public Instant? LastUsedAt { get; init; }

    public bool IsRevoked => RevokedAt is not null;
}
