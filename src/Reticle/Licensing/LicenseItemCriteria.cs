using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>
/// Which items a licence line is for. Every criterion given must match; at least one is given
/// (a line that matched every item would license anything).
/// </summary>
/// <param name="Sku">The item's SKU, compared ignoring case.</param>
/// <param name="Classification">
/// A control-list entry ("3B001.f.4"), compared exactly (ignoring case) with the classification the
/// exporter declared for the licence's jurisdiction and with the entries the rules found. Exact, not
/// "any sub-paragraph": reading a licence wider than written would license what was not granted.
/// </param>
/// <param name="Description">Text the item's description must contain, ignoring case.</param>
public sealed record LicenseItemCriteria(string? Sku, string? Classification, string? Description)
{
    public bool Matches(Item item, string jurisdiction, IReadOnlyCollection<string>? classifications)
    {
        if (Sku is not null && !string.Equals(Sku, item.Sku, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (Description is not null && (item.Description is null || !item.Description.Contains(Description, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        return Classification is null || IsClassifiedAs(item, jurisdiction, classifications);
    }

    private bool IsClassifiedAs(Item item, string jurisdiction, IReadOnlyCollection<string>? classifications)
    {
        if (item.Classifications.TryGetValue(jurisdiction, out var declared) && SameEntry(declared))
        {
            return true;
        }
        if (classifications is not null)
        {
            foreach (var found in classifications)
            {
                // The engine names entries with their list ("NL-SME-2023 3B001.f.4"); a licence names the entry.
                var entry = found.AsSpan(found.LastIndexOf(' ') + 1);
                if (SameEntry(found) || entry.Equals(Classification, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private bool SameEntry(string code) => string.Equals(code.Trim(), Classification, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => string.Join(", ", new[]
    {
        Sku is null ? null : $"sku {Sku}",
        Classification is null ? null : $"classification {Classification}",
        Description is null ? null : $"description containing '{Description}'",
    }.OfType<string>());
}
