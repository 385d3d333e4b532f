using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Reticle.Screening.Matching;

/// <summary>
/// Scores how well a query name matches a listed name, from 0 to 1, with an alignment that explains it.
/// <list type="number">
/// <item>Tokens are paired greedily, most similar first (<see cref="TokenSimilarity"/>), in any order: "PUTIN,
/// Vladimir" and "Vladimir Putin" pair fully. A run of up to three neighbouring tokens may pair with one token of the
/// other name ("Jan Daniel"/"JanDaniel").</item>
/// <item>Each pairing counts its similarity times the mean weight of its tokens (<see cref="TokenRarity"/>: rare words
/// weigh most; legal forms, particles and initials little).</item>
/// <item>Tokens left over count against the match. If only one name has leftovers, its extra words are probably
/// omitted parts (a middle name, "Technologies") and count at <see cref="OmissionFactor"/> of their weight
/// (<see cref="OrganisationOmissionFactor"/> in an organisation's name, <see cref="LoneOmissionFactor"/> in a
/// person's when only one word pairs). If both
/// names have leftover words, those are substitutions ("Olaf"/"Octavian") and count fully, at no less than
/// <see cref="SubstitutionFloor"/> each however common. A number without an equal counts fully: numbers tell apart
/// entities that share the rest of their name. So does a syllable of a Chinese, Japanese or Korean name: "Xi Ping" is
/// not "Xi Jinping" missing a part, but another name.</item>
/// </list>
/// The score is Σ similarity·weight over the pairings divided by Σ weight of the pairings plus the leftovers' count;
/// two one-word names score the square of their words' similarity.
/// It is symmetric (swapping the names swaps only the explanation's sides), 1 for identical names, and 0 when no
/// word or number pairs.
/// </summary>
public sealed class NameComparer(TokenRarity rarity)
{
    /// <summary>Least similarity for two tokens to pair; below it they are different words.</summary>
    public const double PairingFloor = 0.7;

    /// <summary>Least similarity for a run of joined tokens to pair with one token.</summary>
    public const double JoinedFloor = 0.85;

    public const double OmissionFactor = 0.25;

    /// <summary>What an omitted word counts when only one word pairs: a single shared word is weak evidence ("Lucas Rivera"/"LUCAS").</summary>
    public const double LoneOmissionFactor = 0.5;

    /// <summary>
    /// What an omitted word counts in an organisation's name: "Shanghai Naura Microelectronics Equipment" is not
    /// "Shanghai Microelectronics Equipment" less a word, where a person's extra middle name usually is.
    /// </summary>
    public const double OrganisationOmissionFactor = 0.4;
    public const double SubstitutionFloor = 0.5;

    public TokenRarity Rarity { get; } = rarity;

    /// <summary>Score of a father's name paired with a given name ("Salman bin Muhammad" against "Muhammad bin Salman"), times the rest.</summary>
    public const double CrossedPatronymicFactor = 0.75;

    /// <param name="type">
    /// What the names name, if known. For people (and when unknown, unless a legal form shows an organisation) a
    /// single shared word is weak evidence: "Lucas Rivera" is not the listed "LUCAS".
    /// </param>
    public double Score(NormalizedName query, NormalizedName candidate, PartyType type = PartyType.Unknown) =>
        Align(query, candidate, type, explain: false).Score;

    public NameAlignment Align(NormalizedName query, NormalizedName candidate, PartyType type = PartyType.Unknown) =>
        Align(query, candidate, type, explain: true);

    private NameAlignment Align(NormalizedName query, NormalizedName candidate, PartyType type, bool explain)
    {
        var q = query.Tokens;
        var c = candidate.Tokens;
        if (q.IsEmpty || c.IsEmpty)
        {
            return NameAlignment.None;
        }
        Span<double> qWeights = q.Length <= 32 ? stackalloc double[q.Length] : new double[q.Length];
        Span<double> cWeights = c.Length <= 32 ? stackalloc double[c.Length] : new double[c.Length];
        Weights(q, qWeights);
        Weights(c, cWeights);
        var options = t_options ??= new List<Option>(64);
        options.Clear();
        // A name of many tokens keeps its flags on the heap: on the stack it could overflow it.
        Span<bool> qExact = q.Length <= 256 ? stackalloc bool[q.Length] : new bool[q.Length];
        Span<bool> cExact = c.Length <= 256 ? stackalloc bool[c.Length] : new bool[c.Length];
        var inexact = false;
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < c.Length; j++)
            {
                var (similarity, agreement) = TokenSimilarity.Compare(q[i], c[j]);
                if (similarity >= PairingFloor)
                {
                    options.Add(new Option(i, 1, j, 1, similarity, agreement, Distance(i, q.Length, j, c.Length)));
                }
                if (agreement == TokenAgreement.Exact)
                {
                    qExact[i] = cExact[j] = true;
                }
            }
            inexact |= !qExact[i];
        }
        // Joined runs stand in for words that have no equal: tokens with an equal are left alone.
        if ((q.Length > 1 || c.Length > 1) && inexact && cExact.Contains(false))
        {
            AddJoined(q, qExact, c, cExact, options, queryJoined: true);
            AddJoined(c, cExact, q, qExact, options, queryJoined: false);
        }
        CollectionsMarshal.AsSpan(options).Sort(static (x, y) =>
        {
            var bySimilarity = y.Similarity.CompareTo(x.Similarity);
            if (bySimilarity != 0)
            {
                return bySimilarity;
            }
            var bySize = (y.QLength + y.CLength).CompareTo(x.QLength + x.CLength);
            return bySize != 0 ? bySize : x.Distance.CompareTo(y.Distance);
        });

        Span<bool> qUsed = q.Length <= 256 ? stackalloc bool[q.Length] : new bool[q.Length];
        Span<bool> cUsed = c.Length <= 256 ? stackalloc bool[c.Length] : new bool[c.Length];
        double matched = 0, weight = 0;
        var significant = 0;
        var crossed = false;
        var lastAgreement = TokenAgreement.None;
        var patronymics = HasPatronymic(q) && HasPatronymic(c);
        var pairings = explain ? ImmutableArray.CreateBuilder<TokenPairing>() : null;
        foreach (var option in options)
        {
            if (AnyUsed(qUsed, option.QStart, option.QLength) || AnyUsed(cUsed, option.CStart, option.CLength))
            {
                continue;
            }
            qUsed.Slice(option.QStart, option.QLength).Fill(true);
            cUsed.Slice(option.CStart, option.CLength).Fill(true);
            var qWeight = Sum(qWeights, option.QStart, option.QLength);
            var cWeight = Sum(cWeights, option.CStart, option.CLength);
            // An initial stands for a word but says less: the pairing weighs what the initial does.
            var pairWeight = option.Agreement == TokenAgreement.Initial ? Math.Min(qWeight, cWeight) : (qWeight + cWeight) / 2;
            matched += option.Similarity * pairWeight;
            weight += pairWeight;
            significant += AnySignificant(q, option.QStart, option.QLength) && AnySignificant(c, option.CStart, option.CLength) ? 1 : 0;
            lastAgreement = option.Agreement;
            crossed |= patronymics && q[option.QStart].IsSignificant && IsPatronymic(q, option.QStart) != IsPatronymic(c, option.CStart);
            pairings?.Add(new TokenPairing(
                Join(q, option.QStart, option.QLength), Join(c, option.CStart, option.CLength),
                Math.Round(option.Similarity, 3), option.Agreement, Math.Round(pairWeight, 3)));
        }
        if (significant == 0)
        {
            return explain ? new NameAlignment(0, pairings!.ToImmutable(), Unused(q, qUsed), Unused(c, cUsed), false, false) : NameAlignment.None;
        }

        var conflict = AnySignificantUnused(q, qUsed) && AnySignificantUnused(c, cUsed);
        var organisation = type is PartyType.Entity or PartyType.Vessel or PartyType.Aircraft
            || (type == PartyType.Unknown && (HasLegalForm(q) || HasLegalForm(c)));
        var omission = organisation ? OrganisationOmissionFactor : significant > 1 ? OmissionFactor : LoneOmissionFactor;
        var against = Against(q, qUsed, qWeights, conflict, omission) + Against(c, cUsed, cWeights, conflict, omission);
        var score = matched / (weight + against) * (crossed ? CrossedPatronymicFactor : 1);
        // A one-word name against a one-word name has no other word to confirm a slip in it: "SMIC" is not "STIC".
        if (significant == 1 && lastAgreement is TokenAgreement.Spelling or TokenAgreement.Sound && CountSignificant(q) == 1 && CountSignificant(c) == 1)
        {
            score *= matched / weight;
        }
        return explain
            ? new NameAlignment(score, pairings!.ToImmutable(), Unused(q, qUsed), Unused(c, cUsed), conflict, crossed)
            : new NameAlignment(score, [], [], [], conflict, crossed);
    }

    [ThreadStatic]
    private static List<Option>? t_options;

    private void Weights(ImmutableArray<NameToken> tokens, Span<double> weights)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            weights[i] = Rarity.Weight(tokens[i]);
        }
    }

    /// <summary>Runs of two or three neighbouring tokens of one side, joined, against single tokens of the other.</summary>
    private static void AddJoined(ImmutableArray<NameToken> runs, Span<bool> runExact, ImmutableArray<NameToken> singles, Span<bool> singleExact, List<Option> options, bool queryJoined)
    {
        Span<char> buffer = stackalloc char[64];
        for (var start = 0; start < runs.Length - 1; start++)
        {
            var length = 0;
            var script = TokenScript.Alphabetic;
            for (var count = 1; count <= 3 && start + count <= runs.Length; count++)
            {
                var token = runs[start + count - 1];
                if (token.Kind == TokenKind.Number || runExact[start + count - 1] || length + token.Text.Length > buffer.Length)
                {
                    break;
                }
                token.Text.AsSpan().CopyTo(buffer[length..]);
                length += token.Text.Length;
                script = (TokenScript)Math.Max((int)script, (int)token.Script);
                if (count == 1)
                {
                    continue;
                }
                var joined = buffer[..length];
                for (var j = 0; j < singles.Length; j++)
                {
                    var single = singles[j];
                    if (singleExact[j])
                    {
                        continue;
                    }
                    var sameStart = single.Text[0] == joined[0] || script == TokenScript.Abjad || single.FromAbjad || script == TokenScript.Hangul;
                    if (single.Kind == TokenKind.Number || !sameStart || Math.Abs(single.Text.Length - length) > 3
                        || (script is TokenScript.Syllabic or TokenScript.Hangul && single.IsSyllable))
                    {
                        continue;
                    }
                    var text = joined.ToString();
                    var (similarity, agreement) = script switch
                    {
                        // Syllables joined are the name's characters: they agree exactly, or (Hangul) by romanisation.
                        TokenScript.Syllabic => text == single.Text ? (1.0, TokenAgreement.Exact) : (0.0, TokenAgreement.None),
                        TokenScript.Hangul => SpellingKeys.Korean(text) == SpellingKeys.Korean(single.Text)
                            ? (text == single.Text ? 1.0 : TokenSimilarity.KoreanRomanisation, TokenAgreement.Sound)
                            : (0.0, TokenAgreement.None),
                        _ => TokenSimilarity.Words(text, single.Text, script == TokenScript.Abjad || single.FromAbjad,
                            SpellingKeys.Phonetic(text), single.Phonetic, SpellingKeys.Consonants(text), single.Consonants),
                    };
                    if (similarity >= JoinedFloor)
                    {
                        options.Add(queryJoined
                            ? new Option(start, count, j, 1, similarity, agreement, Distance(start, runs.Length, j, singles.Length))
                            : new Option(j, 1, start, count, similarity, agreement, Distance(j, singles.Length, start, runs.Length)));
                    }
                }
            }
        }
    }

    private static double Against(ImmutableArray<NameToken> tokens, Span<bool> used, Span<double> weights, bool conflict, double omission)
    {
        var against = 0.0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (used[i])
            {
                continue;
            }
            against += tokens[i].Kind switch
            {
                TokenKind.Number => 1,
                TokenKind.Word when conflict || tokens[i].IsSyllable => Math.Max(weights[i], SubstitutionFloor),
                _ => weights[i] * omission,
            };
        }
        return against;
    }

    /// <summary>How far apart two positions are, relative to their names' lengths: breaks ties in favour of tokens in the same place.</summary>
    private static double Distance(int i, int m, int j, int n) => Math.Abs((i + 0.5) / m - (j + 0.5) / n);

    private static int CountSignificant(ImmutableArray<NameToken> tokens) => tokens.Count(t => t.IsSignificant);

    private static bool HasLegalForm(ImmutableArray<NameToken> tokens) => tokens.Any(t => t.Kind == TokenKind.LegalForm);

    private static bool HasPatronymic(ImmutableArray<NameToken> tokens) => tokens.Any(t => t.Text is "bin" or "ibn" or "bint");

    /// <summary>Whether the token follows "bin"/"ibn"/"bint": a father's (or ancestor's) name, not the person's own.</summary>
    private static bool IsPatronymic(ImmutableArray<NameToken> tokens, int i) => i > 0 && tokens[i - 1].Text is "bin" or "ibn" or "bint";

    private static bool AnyUsed(Span<bool> used, int start, int length) => used.Slice(start, length).Contains(true);

    private static bool AnySignificant(ImmutableArray<NameToken> tokens, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (tokens[i].IsSignificant)
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnySignificantUnused(ImmutableArray<NameToken> tokens, Span<bool> used)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!used[i] && tokens[i].IsSignificant)
            {
                return true;
            }
        }
        return false;
    }

    private static double Sum(Span<double> weights, int start, int length)
    {
        var sum = 0.0;
        for (var i = start; i < start + length; i++)
        {
            sum += weights[i];
        }
        return sum;
    }

    private static string Join(ImmutableArray<NameToken> tokens, int start, int length) =>
        length == 1 ? tokens[start].Text : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Text));

    private static ImmutableArray<NameToken> Unused(ImmutableArray<NameToken> tokens, Span<bool> used)
    {
        var builder = ImmutableArray.CreateBuilder<NameToken>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!used[i])
            {
                builder.Add(tokens[i]);
            }
        }
        return builder.ToImmutable();
    }

    private readonly record struct Option(int QStart, int QLength, int CStart, int CLength, double Similarity, TokenAgreement Agreement, double Distance);
}
