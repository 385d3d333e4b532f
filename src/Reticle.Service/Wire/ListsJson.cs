using System.Text.Json.Nodes;
using Reticle.Screening.Import;
using Reticle.Store;
using Reticle.Time;

namespace Reticle.Service.Wire;

/// <summary>List snapshots and list imports as <c>reticle lists --json</c>, <c>lists import --json</c> and <c>/api/v1/lists</c> answer them.</summary>
internal static class ListsJson
{
    public static JsonObject Describe(StoredListSnapshot s, bool inUse) => new()
    {
        ["dataset"] = s.Dataset,
        ["format"] = s.Format,
        ["published"] = s.Published is { } published ? EffectivePeriod.Format(published) : null,
        ["entries"] = s.EntryCount,
        ["importedAt"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(s.ImportedAt),
        ["sha256"] = "sha256:" + s.Sha256,
        ["inUse"] = inUse,
        ["changes"] = JsonNode.Parse(s.ChangesJson),
        ["auditSequence"] = s.AuditSequence,
    };

    /// <summary>The snapshots held, in dataset order: those in use (the newest of each dataset), or every one.</summary>
    public static JsonArray Snapshots(IReadOnlyList<StoredListSnapshot> held, bool all)
    {
        var inUse = ListSnapshots.InUse(held).Select(s => s.Id).ToHashSet();
        return new([.. held.Where(s => all || inUse.Contains(s.Id)).OrderBy(s => s.Dataset, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Select(s => (JsonNode?)Describe(s, inUse.Contains(s.Id)))]);
    }

    /// <summary>
    /// One import: the files, the dataset, whether it was stored (identical files are not), and what changed. An import that was
    /// stored also names <c>rescreeningJob</c>: the re-screening of the open orders' parties that followed (null when no order
    /// was open); one job follows all the imports of one call.
    /// </summary>
    /// <param name="files">The files as the caller named them (paths on the command line, upload names through the API).</param>
    public static JsonObject Imported(IEnumerable<string> files, ListImports.Result result, StoredJob? rescreening)
    {
        var imported = new JsonObject
        {
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode?)f)]),
            ["dataset"] = result.Snapshot.Dataset,
            ["imported"] = result.Stored is not null,
            ["published"] = result.Snapshot.Published is { } published ? EffectivePeriod.Format(published) : null,
            ["sha256"] = result.Sha256,
            ["changes"] = ListImports.Changes(result.Delta),
        };
        if (result.Stored is not null)
        {
            imported["rescreeningJob"] = rescreening?.Id;
        }
        return imported;
    }
}
