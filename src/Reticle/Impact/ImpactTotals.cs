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
        var material = changes.Where(c => c.Material).ToList();
        var overall = material.Select(c => (Change: c, Before: c.Before.Outcome, After: c.After.Outcome)).ToList();
        var byJurisdiction = material
            .SelectMany(c => c.Before.Jurisdictions.Select(j => j.Jurisdiction).Union(c.After.Jurisdictions.Select(j => j.Jurisdiction))
                .Select(j => (Key: j, Change: c, Before: OutcomeOf(c.Before, j), After: OutcomeOf(c.After, j), Licenses: (LicenseOf(c.Before, j), LicenseOf(c.After, j)))))
            .Where(x => x.Before.ClassOf() != x.After.ClassOf() || x.Licenses.Item1 != x.Licenses.Item2)
            .Select(x => (x.Key, x.Change, x.Before, x.After));
        return new ImpactTotals(
            Group(byJurisdiction),
            Group(overall.Select(x => (CustomerOf(x.Change.Order), x.Change, x.Before, x.After))),
            Group(overall.Select(x => (ItemOf(x.Change.Order), x.Change, x.Before, x.After))),
            Group(overall.Select(x => (x.Change.After.AsOf.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), x.Change, x.Before, x.After))));
    }

    private static Outcome OutcomeOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.Outcome ?? Outcome.NotApplicable;

    private static string? LicenseOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.License is { } l ? $"{l.LicenseId}#{l.Line}" : null;

    private static ImmutableArray<ImpactGroup> Group(IEnumerable<(string Key, ImpactChange Change, Outcome Before, Outcome After)> rows) =>
    [
        .. rows.GroupBy(r => r.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ImpactGroup(
            g.Key,
            g.Count(),
            g.Count(r => r.After.ClassOf() > r.Before.ClassOf()),
            ValueTotals.Sum(g.Where(r => r.After.ClassOf() > r.Before.ClassOf()).Select(r => r.Change.Value)),
            ValueTotals.Sum(g.Where(r => r.Before.IsHeld()).Select(r => r.Change.Value)),
            ValueTotals.Sum(g.Where(r => r.After.IsHeld()).Select(r => r.Change.Value)))),
    ];
}
