namespace Reticle.Screening;

/// <summary>
/// The entries to screen against when several datasets are held. One listing often arrives twice (OFAC's
/// SDN entries are in OFAC's own file and again in the Consolidated Screening List): an entry with the same
/// list code and primary name as one from a more recently published snapshot is left out, so each listing is
/// screened (and reported) once, in its newest form. Entries found in only one snapshot are always kept.
/// </summary>
public static class ListMerge
{
    public static IReadOnlyList<ListEntry> Entries(IEnumerable<ListSnapshot> snapshots)
    {
        var newestFirst = snapshots
            .OrderByDescending(s => s.Published.HasValue)
            .ThenByDescending(s => s.Published)
            .ThenBy(s => s.Dataset, StringComparer.Ordinal);
        var seen = new HashSet<(string List, string Name)>();
        var merged = new List<ListEntry>();
        foreach (var snapshot in newestFirst)
        {
            var fromThis = new List<ListEntry>();
            foreach (var entry in snapshot.Entries)
            {
                if (!seen.Contains((entry.List, entry.Name)))
                {
                    fromThis.Add(entry);
                }
            }
            // Marked seen only after the whole snapshot: two entries of one snapshot with one name are both real.
            foreach (var entry in fromThis)
            {
                seen.Add((entry.List, entry.Name));
            }
            merged.AddRange(fromThis);
        }
        return merged;
    }
}
