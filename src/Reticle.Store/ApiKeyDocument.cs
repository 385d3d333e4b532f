using NodaTime;

namespace Reticle.Store;

/// <summary>An API key as the store holds it: its name, role and the SHA-256 (hex) of the key, never the key.</summary>
public sealed record ApiKeyDocument(string Name, string Role, string Sha256, Instant? CreatedAt = null);
