using System.Collections.Immutable;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// Which list snapshots are in use, said once: the newest import of each dataset (the store's
/// <see cref="IReticleStore.GetCurrentListsAsync"/> applies the same rule in SQL, with entries, up to an import time).
/// </summary>
internal static class ListSnapshots
{
    public static IEnumerable<StoredListSnapshot> InUse(IEnumerable<StoredListSnapshot> held) =>
        held.GroupBy(s => s.Dataset, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Id)!);

    /// <summary>The versions determinations record: dataset → <c>sha256:</c> of the source files.</summary>
    public static ImmutableSortedDictionary<string, string> Versions(IEnumerable<StoredListSnapshot> inUse) =>
        inUse.ToImmutableSortedDictionary(s => s.Dataset, s => "sha256:" + s.Sha256, StringComparer.Ordinal);
}
