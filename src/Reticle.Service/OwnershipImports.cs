using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Input;
using Reticle.Ownership;
using Reticle.Ownership.Import;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// Imports one ownership snapshot (<c>reticle owners import</c>): read all or nothing (every bad row named by file, line
/// and field, nothing stored), compared with the dataset's snapshot in use, stored whole with what changed and its audit
/// record. A dataset is one source of ownership facts; its newest import replaces the one before, and the older stays
/// held, so what was known at any instant can be replayed.
/// </summary>
internal static class OwnershipImports
{
    /// <param name="Stored">The stored snapshot, or null when identical files were already imported.</param>
    /// <param name="Skipped">GLEIF rows of types that are not ownership, by type (reported, not read).</param>
    public sealed record Result(string Dataset, IReadOnlyList<Stake> Stakes, int Added, int Removed, StoredOwnershipSnapshot? Stored, string Sha256,
        IReadOnlyDictionary<string, int> Skipped);

    /// <param name="leiRecords">For <c>gleif-rr</c>: the GLEIF Level 1 LEI records file (names and countries of the LEIs).</param>
    public static async Task<Attempt<Result>> ImportAsync(IReticleStore store, OwnershipFormat format, string dataset, string file, byte[] content,
        string? leiFile, byte[]? leiRecords, string actor, Instant at, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var text = Utf8(file, content, errors);
        IReadOnlyList<Stake> stakes = [];
        IReadOnlyDictionary<string, int> skipped = new Dictionary<string, int>();
        if (text is not null)
        {
            if (format == OwnershipFormat.Csv)
            {
                stakes = OwnershipCsvReader.Read(file, text, errors);
            }
            else if (leiFile is null || leiRecords is null)
            {
                errors.Add(new InputError("--lei-records", "gleif-rr needs the GLEIF Level 1 LEI records file (names and countries of the LEIs)"));
            }
            else if (Utf8(leiFile, leiRecords, errors) is { } leiText)
            {
                var read = GleifRelationshipReader.Read(file, text, leiFile, leiText, errors);
                (stakes, skipped) = (read.Stakes, read.Skipped);
            }
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        if (stakes.Count == 0)
        {
            return Refusal.Invalid(file, "no stake in the file: an empty ownership snapshot would silently clear what is held");
        }
        var current = (await store.GetCurrentOwnershipAsync(null, dataset, cancellationToken)).SingleOrDefault();
        var older = current is null ? [] : StakeJson.Read(current.StakesJson!);
        var (added, removed) = Delta(older, stakes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(leiRecords is null ? content : [.. content, .. SHA256.HashData(leiRecords)]));
        var changes = new JsonObject
        {
            ["previousStakes"] = older.Count,
            ["stakes"] = stakes.Count,
            ["added"] = added,
            ["removed"] = removed,
        };
        if (skipped.Count > 0)
        {
            changes["skipped"] = new JsonObject([.. skipped.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]);
        }
        var document = new OwnershipSnapshotDocument(dataset, format.ToWire(), sha256, stakes.Count, StakeJson.Write(stakes), changes.ToJsonString(), current?.Id);
        var stored = await store.AddOwnershipSnapshotAsync(document, actor, at, cancellationToken);
        return Attempt<Result>.Done(new Result(dataset, stakes, added, removed, stored, sha256, skipped));
    }

    // Stakes compared whole: a changed share or date is one removed and one added.
    private static (int Added, int Removed) Delta(IReadOnlyList<Stake> older, IReadOnlyList<Stake> newer)
    {
        var before = older.ToHashSet();
        var after = newer.ToHashSet();
        return (after.Count(s => !before.Contains(s)), before.Count(s => !after.Contains(s)));
    }

    private static string? Utf8(string file, byte[] content, List<InputError> errors)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            errors.Add(new InputError(file, $"not UTF-8 text (byte {e.Index})"));
            return null;
        }
    }
}
