using System.Collections.Immutable;
using Reticle.Model;

namespace Reticle.Catalog;

/// <summary>A catalogue entry: a real tool with the technical parameters rules test, each with its source.</summary>
public sealed record CatalogItem(
    string Sku,
    ImmutableArray<string> Aliases,
    string? Description,
    string? Manufacturer,
    CountryCode? Origin,
    ImmutableDictionary<string, ParameterValue> Parameters,
    ImmutableDictionary<string, ParameterSource> Sources)
{
    /// <summary>The SKU this item is a specially designed component or accessory for, if it is one.</summary>
    public string? SpeciallyDesignedFor { get; init; }
}

/// <summary>Where a parameter's value comes from, and whether it is only approximate.</summary>
public sealed record ParameterSource(string Source, bool Approximate);
