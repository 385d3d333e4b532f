using System.ComponentModel;

namespace Reticle.Cli.Api.Schemas;

// POST /jobs and the job JobJson writes (CONTRACT §8).

[Description("An impact analysis over all open orders as a job (CONTRACT §6, §8).")]
internal sealed record ImpactJobRequest
{
    [Description("impact")]
    public required string Kind { get; init; }

    [Format(FormatAttribute.Date), Description("The earlier state of knowledge.")]
    public required string KnownAt { get; init; }

    [Format(FormatAttribute.Date), Description("The later state of knowledge to compare with.")]
    public required string Vs { get; init; }

    [Description("Orders per shard (default 200).")]
    public int? ShardSize { get; init; }
}

[Description("A batch screening as a job (multipart/form-data): kind=screening, one CSV file (header row; columns id,name, optional country,type, as 'screen --batch' takes), an optional threshold (0..1) and shardSize.")]
internal sealed record ScreeningJobForm
{
    [Description("screening")]
    public required string Kind { get; init; }

    [Format("binary"), Description("The CSV file (.csv).")]
    public required string File { get; init; }

    public string? Threshold { get; init; }

    public string? ShardSize { get; init; }
}

[Description("A what-if with draft rule packs over all open orders as a job (multipart/form-data, CONTRACT §8, §9): kind=whatif, the drafts as files under 'files' (YAML, as POST /whatif takes them), optional knownAt, all and shardSize. Drafts that do not validate with the packs in use are a 400 naming file, line, column and rule, and nothing is queued.")]
internal sealed record WhatIfJobForm
{
    [Description("whatif")]
    public required string Kind { get; init; }

    [Format(FormatAttribute.Binary), Description("The draft rule packs (one YAML file each).")]
    public required IReadOnlyList<string> Files { get; init; }

    [Format(FormatAttribute.Date), Description("Use the packs, licence events and lists as known on this date (default: everything held).")]
    public string? KnownAt { get; init; }

    [Description("\"true\": also list orders whose only movement is a jurisdiction between not-applicable and permitted.")]
    public string? All { get; init; }

    [Description("Orders per shard (default 200).")]
    public string? ShardSize { get; init; }
}

[Description("A job submitted as multipart/form-data: a batch screening (kind=screening) or a what-if with draft rule packs (kind=whatif).")]
[OneOf(typeof(ScreeningJobForm), typeof(WhatIfJobForm))]
internal sealed record JobForm;

[Description("A job (CONTRACT §8): its progress, and once completed the SHA-256 Merkle root over its results in input order and the audit record sealing it.")]
internal sealed record Job
{
    public required string Id { get; init; }

    [Description("screening, impact, whatif or rescreening")]
    public required string Kind { get; init; }

    [Description("queued, running, completed, failed or cancelled")]
    public required string Status { get; init; }

    public required long Total { get; init; }

    public required long Done { get; init; }

    public required long Failed { get; init; }

    [Format(FormatAttribute.DateTime)]
    public required string SubmittedAt { get; init; }

    [Format(FormatAttribute.DateTime)]
    public required string? CompletedAt { get; init; }

    public required string? ResultDigest { get; init; }

    [Description("The sequence of the audit record sealing the completed job.")]
    public required long? AuditRecord { get; init; }
}

[Description("One line of a job's results (GET /jobs/{id}/results answers one per line, in input order): a screening result as 'screen --batch' writes it, or an impact change (CONTRACT §6).")]
[OneOf(typeof(ScreeningJobResult), typeof(ImpactChange))]
internal sealed record JobResult;

internal sealed record ScreeningJobResult
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<ScreeningHit> Hits { get; init; }
}
