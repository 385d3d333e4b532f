using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Reticle.Cli.Api.Schemas;

// The audit log as AuditApi and AuditJson write it.

internal sealed record AuditPage
{
    public required IReadOnlyList<AuditRecord> Records { get; init; }

    [Description("The 'after' of the next page; null when this page was not full (the end of the chain as it stands).")]
    public required long? Next { get; init; }
}

[Description("A record of the tamper-evident audit chain, with both hashes so a reader can recheck the chain.")]
internal sealed record AuditRecord
{
    public required long Sequence { get; init; }

    [Format(FormatAttribute.DateTime)]
    public required string At { get; init; }

    public required string Actor { get; init; }

    [Description("The record's kind, e.g. determination, license.event, order.added.")]
    public required string Action { get; init; }

    [Description("The transaction, licence, hold, order, dataset or key it concerns.")]
    public required string? Subject { get; init; }

    [Description("The record's payload, as sealed.")]
    public required JsonObject Payload { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}

internal sealed record AuditVerification
{
    public required bool Intact { get; init; }

    public required long RecordsVerified { get; init; }

    public required long DeterminationsVerified { get; init; }

    [Description("Licence events, orders, holds and API keys found to match the audit records that sealed them.")]
    public required long SealedRowsVerified { get; init; }

    [Description("Anchors given (reticle audit verify --anchor) found in the chain with their hashes; 0 from the API.")]
    public required long AnchorsVerified { get; init; }

    [Description("The first record that breaks the chain, if any.")]
    public required long? FirstBadRecord { get; init; }

    public required string? Problem { get; init; }

    [Description("The hash of the newest record (null on an empty log).")]
    public required string? Head { get; init; }
}
