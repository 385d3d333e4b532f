using System.Collections.Immutable;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>An order whose outcome differs between the two sides, both full determinations, and why.</summary>
/// <param name="Order">The open order as decided (completed from the catalogue): its value, parties and item group the report.</param>
/// <param name="Material">
/// The change matters (CONTRACT §6): the overall or a jurisdiction's outcome moved between classes (<see cref="OutcomeClass"/>),
/// or the licence that covers it changed. Otherwise a jurisdiction moved only between <c>not-applicable</c> and <c>permitted</c>,
/// which the report lists only when asked for everything (<c>--all</c>).
/// </param>
public sealed record ImpactChange(Transaction Order, Determination.Determination Before, Determination.Determination After, ImmutableArray<string> Because, bool Material)
{
    /// <summary>The order's value (CONTRACT §2 <c>value</c>); null when the order states none.</summary>
    public Money? Value => Order.Value;

    /// <summary>The overall outcome is worse after than before (compared by <see cref="OutcomeClass"/>): its value is at stake.</summary>
    public bool Worse => After.Outcome.ClassOf() > Before.Outcome.ClassOf();
}
