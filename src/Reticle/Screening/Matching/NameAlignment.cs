using System.Collections.Immutable;
using System.Globalization;

namespace Reticle.Screening.Matching;

/// <summary>
/// How a query name lines up with a listed name: the aligned tokens, the tokens left over on each side, and the
/// score they give. <see cref="Explain"/> says it in words for the reviewer.
/// </summary>
/// <param name="Conflict">
/// Both names have significant words the other lacks: a substitution ("Barack Obama"/"Michelle Obama"), which counts
/// fully against the match, unlike words merely missing on one side ("Sher Abbas Stanekzai" within a longer name).
/// </param>
/// <param name="CrossedPatronymic">A father's name (after "bin") paired with a person's own name: a different person, likely.</param>
public sealed record NameAlignment(
    double Score,
    ImmutableArray<TokenPairing> Pairings,
    ImmutableArray<NameToken> UnmatchedQuery,
    ImmutableArray<NameToken> UnmatchedCandidate,
    bool Conflict,
    bool CrossedPatronymic)
{
    public static NameAlignment None { get; } = new(0, [], [], [], false, false);

    public IEnumerable<string> Explain(TokenRarity rarity)
    {
        foreach (var pairing in Pairings)
        {
            yield return pairing.ToString();
        }
        if (CrossedPatronymic)
        {
            yield return $"a name after 'bin' in one name pairs with a name outside that place in the other (a father's name taken for a person's own): score x{NameComparer.CrossedPatronymicFactor:0.00}";
        }
        foreach (var (side, tokens) in new[] { ("query", UnmatchedQuery), ("listed name", UnmatchedCandidate) })
        {
            foreach (var token in tokens)
            {
                var weight = rarity.Weight(token).ToString("0.00", CultureInfo.InvariantCulture);
                yield return token.Kind switch
                {
                    TokenKind.LegalForm => $"'{token.Text}' in the {side} is a legal form: weight {weight}",
                    TokenKind.Particle => $"'{token.Text}' in the {side} is a particle or title: weight {weight}",
                    TokenKind.Initial => $"initial '{token.Text}' in the {side} has no counterpart: weight {weight}",
                    TokenKind.Number => $"number '{token.Text}' in the {side} has no equal in the other name: counts fully against",
                    _ when Conflict => $"'{token.Text}' in the {side} differs from the other name's words: weight {weight}, counts fully against",
                    _ => $"'{token.Text}' in the {side} is missing from the other name: weight {weight}, counts in part against",
                };
            }
        }
    }
}
