namespace Reticle.Screening.Matching;

/// <summary>One name (primary, alias, or a name read out of parentheses) of one entry, as the index holds it.</summary>
/// <param name="Entry">Position of the entry in <see cref="ScreeningIndex.Entries"/>.</param>
/// <param name="Written">The name as the list writes it.</param>
internal sealed record IndexedName(int Entry, string Written, NormalizedName Name);
