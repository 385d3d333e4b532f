using System.Collections.Immutable;

namespace Reticle.Screening;

/// <summary>
/// One entry of a restricted-party list, with what the determination engine needs from it: names,
/// countries, and for the Entity List the licence requirement, review policy, Federal Register
/// citations and footnotes (parsed from the requirement text, where the CSL prints them as digits).
/// </summary>
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
    /// <summary>The entry's Entity List terms (scope, footnotes, review policy) as data, read once from its text.</summary>
    public EntityListTerms Terms { get; } = EntityListTerms.Parse(LicenseRequirement, LicensePolicy);

    public ImmutableArray<int> Footnotes => Terms.Footnotes;
}
