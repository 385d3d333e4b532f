using System.Collections.Immutable;

namespace Reticle.Screening.Matching;

/// <summary>
/// A name after <see cref="NameNormalizer"/>: its tokens, the text they spell (<see cref="Key"/>, which normalises to
/// itself) and the name as it was written, for explanations.
/// </summary>
public sealed record NormalizedName(string Original, ImmutableArray<NameToken> Tokens)
{
    /// <summary>The tokens joined by single spaces: two names with the same key are the same name.</summary>
    public string Key { get; } = string.Join(' ', Tokens.Select(t => t.Text));

    /// <summary>
    /// The significant tokens run together: "Siemens AG" and "SiemensAG", or "Al Qaeda" and "ALQAEDA", share it
    /// although their tokens differ.
    /// </summary>
    public string Compact { get; } = string.Concat(Tokens.Where(t => t.IsSignificant).Select(t => t.Text));

    public bool IsEmpty => Tokens.IsEmpty;

    public override string ToString() => Key;
}
