namespace Reticle.Screening.Listing;

/// <summary>
/// Carries what older snapshots show about Entity List entries into a newly imported one: an entry the snapshot in
/// use already held was listed by that snapshot's date at the latest (or by the date of an older snapshot that held
/// it, carried forward from import to import), so the dates survive each import of a newer list.
/// </summary>
public static class EntityListHistory
{
    /// <summary>
    /// <paramref name="newer"/> with each Entity List entry that <paramref name="older"/> held marked with the oldest
    /// snapshot known to hold it. Entries are the same entry by id, or else by primary name (publishers renumber).
    /// </summary>
    public static ListSnapshot Carry(ListSnapshot? older, ListSnapshot newer)
    {
        if (older is null || older.Dataset != newer.Dataset)
        {
            return newer;
        }
        var byId = new Dictionary<string, ListEntry>(StringComparer.Ordinal);
        var byName = new Dictionary<string, ListEntry>(StringComparer.Ordinal);
        foreach (var entry in older.Entries.Where(e => e.List == "EL"))
        {
            byId.TryAdd(entry.Id, entry);
            byName.TryAdd(entry.Name, entry);
        }
        if (byId.Count == 0)
        {
            return newer;
        }
        var entries = newer.Entries.Select(entry =>
        {
            if (entry.List != "EL" || !(byId.TryGetValue(entry.Id, out var was) || byName.TryGetValue(entry.Name, out was)))
            {
                return entry;
            }
            var held = Oldest(Oldest(was.HeldIn, older.Published is { } published ? new HeldInSnapshot(older.Dataset, published) : null), entry.HeldIn);
            return held == entry.HeldIn ? entry : entry with { HeldIn = held };
        });
        return newer with { Entries = [.. entries] };
    }

    private static HeldInSnapshot? Oldest(HeldInSnapshot? a, HeldInSnapshot? b) =>
        a is null ? b : b is null ? a : b.Published < a.Published ? b : a;
}
