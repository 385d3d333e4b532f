using System.Collections.Immutable;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>Sums of order values, one per currency, ordered by currency code: amounts in different currencies are never added.</summary>
public static class ValueTotals
{
    public static ImmutableArray<Money> Sum(IEnumerable<Money?> values)
    {
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value is { } money)
            {
                totals[money.Currency] = totals.GetValueOrDefault(money.Currency) + money.Amount;
            }
        }
        return [.. totals.Select(t => new Money(t.Value, t.Key))];
    }
}
