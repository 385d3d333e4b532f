using System.ComponentModel;

namespace Reticle.Cli.Api.Schemas;

// List snapshots as ListsJson writes them, and what an import answers (ListsApi).

[Description("A list snapshot held in the store.")]
internal sealed record ListSnapshot
{
    public required string Dataset { get; init; }

    public required string Format { get; init; }

    [Format(FormatAttribute.Date), Description("The publication date the file names, if it names one.")]
    public required string? Published { get; init; }

    public required int Entries { get; init; }

    [Format(FormatAttribute.DateTime)]
    public required string ImportedAt { get; init; }

    [Description("sha256:HEX of the imported file(s); a determination's listVersions names the snapshot by it.")]
    public required string Sha256 { get; init; }

    [Description("Whether screenings use it (the newest snapshot of its dataset).")]
    public required bool InUse { get; init; }

    public required ListChanges Changes { get; init; }

    public required long AuditSequence { get; init; }
}

[Description("What changed against the dataset's previous snapshot; the ids only when there was one.")]
internal sealed record ListChanges
{
    public required int PreviousEntries { get; init; }

    public required int Entries { get; init; }

    public required int Added { get; init; }

    public required int Removed { get; init; }

    public required int Changed { get; init; }

    public IReadOnlyList<string>? AddedIds { get; init; }

    public IReadOnlyList<string>? RemovedIds { get; init; }

    public IReadOnlyList<string>? ChangedIds { get; init; }
}

[Description("One file (or OFAC file set) imported, all or nothing.")]
internal sealed record ListImport
{
    public required IReadOnlyList<string> Files { get; init; }

    public required string Dataset { get; init; }

    [Description("False when the same content was already held (nothing stored).")]
    public required bool Imported { get; init; }

    [Format(FormatAttribute.Date)]
    public required string? Published { get; init; }

    public required string Sha256 { get; init; }

    public required ListChanges Changes { get; init; }

    [Description("On an import that was stored: the id of the re-screening job that followed (every open order's parties against the lists now held; GET /api/v1/jobs/{id}), or null when no order was open. One job follows all the imports of one request.")]
    public string? RescreeningJob { get; init; }
}
