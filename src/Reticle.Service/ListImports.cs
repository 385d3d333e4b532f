using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Import;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// Imports one list snapshot into the store: read (all or nothing), compared with the dataset's snapshot
/// in use, stored with what changed. Shared by <c>lists import</c> and the seeding of a fresh data folder.
/// </summary>
internal static class ListImports
{
    /// <param name="Stored">The stored snapshot, or null when identical files were already imported.</param>
    /// <param name="Sha256">The hash of the source files (<see cref="Sha256(IReadOnlyList{ListFile})"/>).</param>
    public sealed record Result(ListSnapshot Snapshot, ListDelta Delta, StoredListSnapshot? Stored, string Sha256);

    /// <returns>What was imported; refused (invalid) when a file does not read, naming its line or field.</returns>
    public static async Task<Attempt<Result>> ImportAsync(IReticleStore store, string format, IReadOnlyList<ListFile> files, string actor, Instant at,
        CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var snapshot = ListImporter.Read(format, files, errors);
        if (snapshot is null)
        {
            return Refusal.Invalid(errors);
        }
        // Only this dataset's entries are read: the changes are worked out against its snapshot in use.
        var current = (await store.GetCurrentListsAsync(null, snapshot.Dataset, cancellationToken)).SingleOrDefault();
        var older = current is null ? null : new ListSnapshot(current.Dataset, current.Format, current.Published, ListEntryJson.Read(current.EntriesJson!));
        // Entity List entries the snapshot in use held were listed by its date: the new snapshot keeps that evidence.
        snapshot = Reticle.Screening.Listing.EntityListHistory.Carry(older, snapshot);
        var delta = ListDelta.Between(older, snapshot);
        var sha256 = Sha256(files);
        var document = new ListSnapshotDocument(snapshot.Dataset, snapshot.Format, snapshot.Published, sha256, snapshot.Entries.Length,
            ListEntryJson.Write(snapshot.Entries), Changes(delta).ToJsonString(), current?.Id);
        var stored = await store.AddListSnapshotAsync(document, actor, at, cancellationToken);
        return Attempt<Result>.Done(new Result(snapshot, delta, stored, sha256));
    }

    /// <summary>
    /// The hash that identifies the source: of the file itself, or for a file set (OFAC's sdn/alt/add/comments)
    /// of each file's name and hash, so the same set imported again is recognised whatever order it is given in.
    /// </summary>
    public static string Sha256(IReadOnlyList<ListFile> files)
    {
        if (files.Count == 1)
        {
            return Convert.ToHexStringLower(SHA256.HashData(files[0].Content));
        }
        var lines = files
            .Select(f => $"{Path.GetFileName(f.Name)} {Convert.ToHexStringLower(SHA256.HashData(f.Content))}")
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }

    /// <summary>The counts, and the ids that changed except on a dataset's first import (where every id is new).</summary>
    public static JsonObject Changes(ListDelta delta)
    {
        var changes = new JsonObject
        {
            ["previousEntries"] = delta.OlderCount,
            ["entries"] = delta.NewerCount,
            ["added"] = delta.Added.Length,
            ["removed"] = delta.Removed.Length,
            ["changed"] = delta.Changed.Length,
        };
        if (delta.OlderCount > 0)
        {
            changes["addedIds"] = new JsonArray([.. delta.Added.Select(id => (JsonNode?)id)]);
            changes["removedIds"] = new JsonArray([.. delta.Removed.Select(id => (JsonNode?)id)]);
            changes["changedIds"] = new JsonArray([.. delta.Changed.Select(id => (JsonNode?)id)]);
        }
        return changes;
    }
}
