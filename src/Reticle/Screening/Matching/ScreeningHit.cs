using System.Collections.Immutable;

namespace Reticle.Screening.Matching;

/// <summary>A list entry that matched a query.</summary>
/// <param name="MatchedName">The entry's name or alias that matched best, as the list writes it.</param>
/// <param name="Score">From 0 to 1; 1 is the same name once normalised.</param>
/// <param name="Explanation">Why, in sentences for the reviewer: aligned tokens and their similarity, words left over, qualifiers.</param>
public sealed record ScreeningHit(ListEntry Entry, string MatchedName, double Score, ImmutableArray<string> Explanation);
