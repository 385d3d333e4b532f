using System.Collections.Immutable;

namespace Reticle.Model;

/// <summary>
/// The item a transaction concerns, with the technical parameters rules test and any classifications
/// the exporter has already made (per jurisdiction, e.g. <c>US: 3B001.f.1.b</c>).
/// </summary>
public sealed record Item
{
    public string? Sku { get; init; }
    public string? Description { get; init; }
    public CountryCode? Origin { get; init; }
    public ImmutableDictionary<string, ParameterValue> Parameters { get; init; } = ImmutableDictionary<string, ParameterValue>.Empty;
    public ImmutableDictionary<string, string> Classifications { get; init; } = ImmutableDictionary<string, string>.Empty;
    public decimal? UsControlledContentPercent { get; init; }
    /// <summary>US technology or software the item was made with (ECCNs, e.g. 3E992); default when not stated, which is not the same as none.</summary>
    public ImmutableArray<string> UsTechnologyInputs { get; init; }
    public bool? ContainsUsOriginIc { get; init; }

    /// <summary>
    /// The classifications (ECCNs, or EAR99) of the US-origin integrated circuits the item contains, as the
    /// exporter states them: the 0 % de minimis rules of EAR §734.4(a)(8) and (a)(9) count only an IC
    /// "specified under Category 3, 4, or 5 of the CCL". Default when not stated; empty when it contains none.
    /// </summary>
    public ImmutableArray<string> UsOriginIcEccns { get; init; }

    /// <summary>
    /// Whether the item was produced by a plant, or a 'major component' of one, located outside the United States
    /// that is itself a direct product of the US-origin technology or software the foreign direct product rules
    /// name (EAR §734.9(e)(3)(i)(B)(1), (k)(1)(ii)(A)).
    /// </summary>
    public bool? ProducedByUsTechnologyPlant { get; init; }

    /// <summary>
    /// Whether the item contains a commodity (typically an integrated circuit) produced by such a plant
    /// (EAR §734.9(e)(3)(i)(B)(2) with its Note 3, (k)(1)(ii)(B) with its Note 7).
    /// </summary>
    public bool? ContainsUsTechnologyPlantProduct { get; init; }

    /// <summary>The SKU of the item this one is a specially designed component or accessory for (a projection lens for a scanner).</summary>
    public string? SpeciallyDesignedFor { get; init; }

    /// <summary>
    /// That item, completed from the catalogue: control entries whose heading takes in "specially designed
    /// components and accessories therefor" (EU and US 3B001) classify a component by its parent.
    /// </summary>
    public Item? Parent { get; init; }
}
