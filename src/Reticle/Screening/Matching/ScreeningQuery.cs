namespace Reticle.Screening.Matching;

/// <summary>A party to screen.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 country of the party, if known: a qualifier, never a filter.</param>
/// <param name="Type">What the party is, if known: a person is not an entity, and a mismatch lowers the score.</param>
/// <param name="Threshold">Least score of a hit; null for the mode's default (<see cref="ScreeningIndex.DefaultThreshold"/>).</param>
/// <param name="Limit">At most this many hits, best first.</param>
/// <param name="Lists">Only entries of these list codes (EL, SDN, DPL…); null for every list.</param>
public sealed record ScreeningQuery(
    string Name,
    string? Country = null,
    PartyType Type = PartyType.Unknown,
    double? Threshold = null,
    int Limit = 10,
    IReadOnlySet<string>? Lists = null)
{
    public ScoringMode Mode { get; init; } = ScoringMode.Reticle;
}
