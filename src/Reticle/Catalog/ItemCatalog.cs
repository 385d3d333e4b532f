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

    public static ItemCatalog Empty { get; } = new([]);

    public IReadOnlyList<CatalogItem> Items { get; }

    public CatalogItem? Find(string? sku) => sku is not null && _bySku.TryGetValue(sku, out var item) ? item : null;

    /// <summary>The transaction with its item completed from the catalogue, inline values winning.</summary>
    public Transaction Complete(Transaction transaction)
    {
        if (Find(transaction.Item.Sku) is not { } entry)
        {
            return transaction;
        }
        var item = transaction.Item;
        var parameters = entry.Parameters.SetItems(item.Parameters);
        return transaction with
        {
            Item = item with
            {
                Description = item.Description ?? entry.Description,
                Origin = item.Origin ?? entry.Origin,
                Parameters = parameters,
            },
        };
    }
}
