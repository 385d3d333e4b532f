using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>
/// The material changes of a report totalled by jurisdiction, customer, item and month (each group ordered by its key).
/// A jurisdiction group counts the orders whose outcome in that jurisdiction changed, and weighs them by that
/// jurisdiction's outcome; the other groups weigh each order by its overall outcome.
/// </summary>
public sealed record ImpactTotals(ImmutableArray<ImpactGroup> ByJurisdiction, ImmutableArray<ImpactGroup> ByCustomer, ImmutableArray<ImpactGroup> ByItem, ImmutableArray<ImpactGroup> ByMonth)
{
    /// <summary>The customer an order is for: its end user, else its consignee.</summary>
    public static string CustomerOf(Transaction order) =>
        order.Parties.FirstOrDefault(p => p.Role == PartyRole.EndUser)?.Name ?? order.Parties.FirstOrDefault(p => p.Role == PartyRole.Consignee)?.Name ?? "(no end user or consignee named)";

    public static string ItemOf(Transaction order) => order.Item.Sku ?? order.Item.Description ?? "(item not named)";

    public static ImpactTotals Of(IEnumerable<ImpactChange> changes)
    {
        var builder = new Builder();
        foreach (var change in changes)
        {
            builder.Add(change);
        }
        return builder.ToTotals();
    }

    /// <summary>
    /// Totals kept as the changes pass, each change let go once added: a report streamed over a large book totals what it
    /// wrote. Holds one running group per key (jurisdictions, customers, items, months), not the changes.
    /// </summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, Group> _byJurisdiction = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Group> _byCustomer = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Group> _byItem = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Group> _byMonth = new(StringComparer.Ordinal);

        /// <summary>Counts a change if it is material; one that is not is in no group.</summary>
        public void Add(ImpactChange change)
        {
            if (!change.Material)
            {
                return;
            }
            var (before, after) = (change.Before.Outcome, change.After.Outcome);
            foreach (var j in change.Before.Jurisdictions.Select(j => j.Jurisdiction).Union(change.After.Jurisdictions.Select(j => j.Jurisdiction)))
            {
                var (was, now) = (OutcomeOf(change.Before, j), OutcomeOf(change.After, j));
                if (was.ClassOf() != now.ClassOf() || LicenseOf(change.Before, j) != LicenseOf(change.After, j))
                {
                    Count(_byJurisdiction, j, change, was, now);
                }
            }
            Count(_byCustomer, CustomerOf(change.Order), change, before, after);
            Count(_byItem, ItemOf(change.Order), change, before, after);
            Count(_byMonth, change.After.AsOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), change, before, after);
        }

        public ImpactTotals ToTotals() => new(Groups(_byJurisdiction), Groups(_byCustomer), Groups(_byItem), Groups(_byMonth));

        private static void Count(Dictionary<string, Group> groups, string key, ImpactChange change, Outcome before, Outcome after)
        {
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group();
            }
            group.Orders++;
            if (after.ClassOf() > before.ClassOf())
            {
                group.Worse++;
                group.AtStake.Add(change.Value);
            }
            if (before.IsHeld())
            {
                group.HeldBefore.Add(change.Value);
            }
            if (after.IsHeld())
            {
                group.HeldAfter.Add(change.Value);
            }
        }

        private static ImmutableArray<ImpactGroup> Groups(Dictionary<string, Group> groups) =>
        [
            .. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ImpactGroup(
                g.Key, g.Value.Orders, g.Value.Worse, g.Value.AtStake.ToImmutableArray(), g.Value.HeldBefore.ToImmutableArray(), g.Value.HeldAfter.ToImmutableArray())),
        ];

        private sealed class Group
        {
            public int Orders { get; set; }

            public int Worse { get; set; }

            public ValueTotals AtStake { get; } = new();

            public ValueTotals HeldBefore { get; } = new();

            public ValueTotals HeldAfter { get; } = new();
        }
    }

    private static Outcome OutcomeOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.Outcome ?? Outcome.NotApplicable;

    private static string? LicenseOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.License is { } l ? $"{l.LicenseId}#{l.Line}" : null;
}
