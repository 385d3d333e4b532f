using NodaTime;
using Reticle.Ownership;

namespace Reticle.Bench.Baselines;

/// <summary>
/// The 50 % closure as one would first write it: stakes grouped by owned entity under its name, and whole passes over every
/// entity, adding up the shares its restricted owners hold, until a pass restricts nobody new. Correct (it reaches the same
/// fixed point) but it walks every stake once per level of the deepest chain, through strings and objects.
/// </summary>
internal sealed class NaiveOwnershipClosure
{
    private readonly Dictionary<string, List<Stake>> _byOwned;

    public NaiveOwnershipClosure(IEnumerable<Stake> stakes) =>
        _byOwned = stakes.GroupBy(s => s.Owned).ToDictionary(g => g.Key, g => g.ToList());

    public HashSet<string> Restricted(IEnumerable<string> listed, LocalDate date)
    {
        var restricted = listed.ToHashSet(StringComparer.Ordinal);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (entity, stakes) in _byOwned)
            {
                if (owned.Contains(entity))
                {
                    continue;
                }
                var sum = stakes.Where(s => s.Percent is not null && s.HeldOn(date) && restricted.Contains(s.Owner)).Sum(s => s.Percent!.Value);
                if (sum >= 50m)
                {
                    owned.Add(entity);
                    restricted.Add(entity);
                    changed = true;
                }
            }
        }
        while (changed);
        return owned;
    }

    /// <summary>One party looked up without a closure: its owners' status worked out recursively (memoised within the call), on every call.</summary>
    public bool IsOwned(string entity, HashSet<string> listed, LocalDate date) => OwnedShare(entity, listed, date, new Dictionary<string, bool>()) >= 50m;

    private bool IsRestricted(string entity, HashSet<string> listed, LocalDate date, Dictionary<string, bool> known)
    {
        if (listed.Contains(entity))
        {
            return true;
        }
        if (known.TryGetValue(entity, out var restricted))
        {
            return restricted;
        }
        known[entity] = false; // a cycle back to an entity being worked out adds nothing (least fixed point)
        return known[entity] = OwnedShare(entity, listed, date, known) >= 50m;
    }

    private decimal OwnedShare(string entity, HashSet<string> listed, LocalDate date, Dictionary<string, bool> known) =>
        _byOwned.TryGetValue(entity, out var stakes)
            ? stakes.Where(s => s.Percent is not null && s.HeldOn(date) && IsRestricted(s.Owner, listed, date, known)).Sum(s => s.Percent!.Value)
            : 0m;
}
