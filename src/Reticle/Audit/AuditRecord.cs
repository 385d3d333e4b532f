using NodaTime;

namespace Reticle.Audit;

/// <summary>
/// One link of the audit chain: what happened (<see cref="Kind"/>, <see cref="Payload"/> in canonical
/// JSON), who did it and when, and the hash that binds it to everything before it.
/// </summary>
public sealed record AuditRecord(long Sequence, Instant At, string Actor, string Kind, string Payload, string PreviousHash, string Hash);

/// <summary>An audit record not yet placed in the chain: the store gives it its sequence and hashes inside its write transaction.</summary>
public sealed record AuditEntry(Instant At, string Actor, string Kind, System.Text.Json.Nodes.JsonNode Payload);
