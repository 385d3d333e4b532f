using System.Collections.Immutable;

namespace Reticle.Screening;

/// <summary>
/// What changed between two snapshots of one dataset, by entry id: entries added, removed, and changed
/// (same id, different name, aliases, countries, type, list, programmes, licence requirement or review
/// policy: what screening matches on and what the rules decide by; remarks and citations are not compared).
/// Ids are in file order: the newer snapshot's for added and changed, the older's for removed.
/// Aliases, countries and programmes compare as sets, since a publisher's reordering changes nothing screened.
/// </summary>
public sealed record ListDelta(string Dataset, int OlderCount, int NewerCount, ImmutableArray<string> Added, ImmutableArray<string> Removed, ImmutableArray<string> Changed)
{
    /// <summary>The delta from <paramref name="older"/> (null for a first import: everything is added) to <paramref name="newer"/>.</summary>
    public static ListDelta Between(ListSnapshot? older, ListSnapshot newer)
    {
        if (older is not null && older.Dataset != newer.Dataset)
        {
            throw new ArgumentException($"snapshots of different datasets ({older.Dataset}, {newer.Dataset}) have no delta", nameof(older));
        }
        var before = (older?.Entries ?? []).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var after = newer.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return new ListDelta(
            newer.Dataset,
            before.Count,
            newer.Entries.Length,
            [.. newer.Entries.Where(e => !before.ContainsKey(e.Id)).Select(e => e.Id)],
            [.. (older?.Entries ?? []).Where(e => !after.Contains(e.Id)).Select(e => e.Id)],
            [.. newer.Entries.Where(e => before.TryGetValue(e.Id, out var was) && !Screens(was, e)).Select(e => e.Id)]);
    }

    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Changed.IsEmpty;

    /// <summary>One line for the import's output: "ofac-sdn: 14,965 entries (was 14,560): 417 added, 12 removed, 85 changed".</summary>
    public string Summary =>
        $"{Dataset}: {NewerCount:N0} entries (was {OlderCount:N0}): {Added.Length:N0} added, {Removed.Length:N0} removed, {Changed.Length:N0} changed";

    // Whether two versions of an entry screen and decide alike.
    private static bool Screens(ListEntry was, ListEntry now) =>
        was.Name == now.Name
        && was.List == now.List
        && was.Type == now.Type
        && was.LicenseRequirement == now.LicenseRequirement
        && was.LicensePolicy == now.LicensePolicy
        && was.AltNames.ToHashSet(StringComparer.Ordinal).SetEquals(now.AltNames)
        && was.Countries.ToHashSet(StringComparer.Ordinal).SetEquals(now.Countries)
        && was.Programs.ToHashSet(StringComparer.Ordinal).SetEquals(now.Programs);
}
