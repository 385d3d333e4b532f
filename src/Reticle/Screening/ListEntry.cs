using System.Collections.Immutable;
using Reticle.Model;
using Reticle.Screening.Listing;

namespace Reticle.Screening;

/// <summary>
/// One entry of a restricted-party list, with what screening and the determination engine need from it:
/// names, type, countries, and for the Entity List the licence requirement, review policy, Federal
/// Register citations and footnotes (parsed from the requirement text, where the CSL prints them as digits).
/// </summary>
/// <param name="List">Short code of the source list as the engine refers to it: <c>EL</c>, <c>SDN</c>, <c>DPL</c>, <c>UN</c>, <c>MEU</c>…</param>
/// <param name="Id">The entry's identifier, unique within its dataset (OFAC ent_num, UN DATAID, CSL id…).</param>
public sealed record ListEntry(
    string List,
    string Id,
    string Name,
    ImmutableArray<string> AltNames,
    ImmutableArray<string> Countries,
    string? LicenseRequirement,
    string? LicensePolicy,
    string? FederalRegister)
{
    /// <summary>The source list's full name as its publisher prints it ("Entity List (EL) - Bureau of Industry and Security").</summary>
    public string ListName { get; init; } = List;

    public PartyType Type { get; init; } = PartyType.Unknown;

    /// <summary>Sanctions programmes or legal bases (OFAC programs, UN regime, CSL programs).</summary>
    public ImmutableArray<string> Programs { get; init; } = [];

    /// <summary>Free-text remarks of the publisher, kept for the reviewer.</summary>
    public string? Remarks { get; init; }

    /// <summary>The entry's Entity List terms (scope, footnotes, review policy) as data, read once from its text.</summary>
    public EntityListTerms Terms { get; } = EntityListTerms.Parse(LicenseRequirement, LicensePolicy);

    public ImmutableArray<int> Footnotes => Terms.Footnotes;

    /// <summary>
    /// For an Entity List entry, the oldest list snapshot known to have held it (carried from import to import), which
    /// dates the listing when its citations do not; null otherwise.
    /// </summary>
    public HeldInSnapshot? HeldIn { get; init; }

    // Dated once, when the entry is read (at import or when a stored snapshot is loaded), never per screening.
    private ListingDate? CitedListing { get; } = List == "EL" ? EntityListDating.FromCitations(FederalRegister, FederalRegisterPages.Bundled) : null;

    /// <summary>
    /// For an Entity List entry, when it was listed as far as its citations and the snapshots held show; null for the
    /// other lists, whose entries are not dated.
    /// </summary>
    public ListingDate? Listing =>
        CitedListing is { } cited && HeldIn is { } held ? EntityListDating.HeldBy(cited, held.Published, held.Dataset) : CitedListing;

    /// <summary>The primary name first, then every alias.</summary>
    public IEnumerable<string> AllNames => AltNames.Prepend(Name);
}
