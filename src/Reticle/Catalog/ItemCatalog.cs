using System.Collections.Frozen;
using Reticle.Model;

namespace Reticle.Catalog;

/// <summary>
/// The item catalogue, looked up by SKU or alias. A transaction names an item by SKU and may give
/// fields inline; inline fields win over the catalogue's (CONTRACT §2).
/// </summary>
public sealed class ItemCatalog
{
    private readonly FrozenDictionary<string, CatalogItem> _bySku;

    public ItemCatalog(IEnumerable<CatalogItem> items)
    {
        Items = items.ToArray();
        var index = new Dictionary<string, CatalogItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items)
        {
            index[item.Sku] = item;
            foreach (var alias in item.Aliases)
            {
                index.TryAdd(alias, item);
            }
        }
        _bySku = index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<CatalogItem> Items { get; }

    public CatalogItem? Find(string? sku) => sku is not null && _bySku.TryGetValue(sku, out var item) ? item : null;

    /// <summary>The transaction with its item completed from the catalogue, inline values winning.</summary>
    public Transaction Complete(Transaction transaction) => transaction with { Item = Complete(transaction.Item, depth: 0) };

    private Item Complete(Item item, int depth)
    {
        var entry = Find(item.Sku);
        if (entry is not null)
        {
            item = item with
            {
                Description = item.Description ?? entry.Description,
                Origin = item.Origin ?? entry.Origin,
                Parameters = entry.Parameters.SetItems(item.Parameters),
                SpeciallyDesignedFor = item.SpeciallyDesignedFor ?? entry.SpeciallyDesignedFor,
            };
        }
        // A component's parent is completed too (a lens for a scanner), but not beyond a few levels.
        if (item.Parent is null && item.SpeciallyDesignedFor is { } parentSku && depth < 3)
        {
            item = item with { Parent = Complete(new Item { Sku = parentSku }, depth + 1) };
        }
        return item;
    }
}
