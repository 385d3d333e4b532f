using System.Collections.Immutable;
using Reticle.Model;

namespace Reticle.Impact;

/// <summary>Sums of order values, one per currency, ordered by currency code: amounts in different currencies are never added.</summary>
public sealed class ValueTotals
{
    private readonly SortedDictionary<string, decimal> _totals = new(StringComparer.Ordinal);

    /// <summary>Adds a value to its currency's sum; an order that states no value adds nothing.</summary>
    public void Add(Money? value)
    {
        if (value is { } money)
        {
            _totals[money.Currency] = _totals.GetValueOrDefault(money.Currency) + money.Amount;
        }
    }

    /// <summary>One amount per currency seen, ordered by currency code.</summary>
    public ImmutableArray<Money> ToImmutableArray() => [.. _totals.Select(t => new Money(t.Value, t.Key))];

    public static ImmutableArray<Money> Sum(IEnumerable<Money?> values)
    {
        var totals = new ValueTotals();
        foreach (var value in values)
        {
            totals.Add(value);
        }
        return totals.ToImmutableArray();
    }
}
