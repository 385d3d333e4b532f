using NodaTime;

namespace Reticle.Store;

/// <summary>A job as held: its progress (<see cref="Done"/> of <see cref="Total"/> inputs) and, once completed, its sealed digest.</summary>
public sealed record StoredJob(
    string Id,
    string Kind,
    string Status,
    string ParametersJson,
    long Total,
    long Done,
    long Failed,
    int ShardSize,
    int ShardCount,
    int ShardsDone,
    string SubmittedBy,
    Instant SubmittedAt,
    Instant? CompletedAt,
    long? ResultCount,
    string? ResultDigest,
    long? AuditSequence,
    string? Problem);
