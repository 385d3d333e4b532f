namespace Reticle.Screening.Matching;

/// <summary>
/// How alike two tokens are, from 0 to 1, and why. Numbers agree only when equal. An initial agrees with a word it
/// begins. Tokens of one or two letters agree only when equal, or for a doubled letter ("uun"/"un"): a slip in a
/// two-letter token changes the whole token. Longer tokens pair when 1 − edits / length reaches
/// <see cref="NameComparer.PairingFloor"/>, and then score the better of that and Jaro-Winkler if they start alike
/// (Jaro-Winkler forgives slips late in a word, where they are most common); else at least <see cref="SoundAlike"/>
/// when they sound alike, or, for a transliteration without vowels, when their consonants agree. Syllables of
/// ideographic or Hangul names pair only with their equal (or, Hangul against Latin, by Korean romanisation).
/// </summary>
public static class TokenSimilarity
{
    public const double SoundAlike = 0.8;
    public const double InitialAgreement = 0.9;
    public const double KoreanRomanisation = 0.85;

    public static (double Similarity, TokenAgreement Agreement) Compare(in NameToken a, in NameToken b)
    {
        if (a.Text == b.Text)
        {
            return (1, TokenAgreement.Exact);
        }
        if (a.Kind == TokenKind.Number || b.Kind == TokenKind.Number)
        {
            return (0, TokenAgreement.None);
        }
        if ((a.Script == TokenScript.Hangul && !b.IsSyllable) || (b.Script == TokenScript.Hangul && !a.IsSyllable))
        {
            // Hangul against a Latin word: the Korean romanisations agree, or not.
            return SpellingKeys.Korean(a.Text) == SpellingKeys.Korean(b.Text) ? (KoreanRomanisation, TokenAgreement.Sound) : (0, TokenAgreement.None);
        }
        if (a.IsSyllable || b.IsSyllable)
        {
            // A syllable is one character; its romanisation is standard (pinyin, revised romanisation), so a spelling
            // that differs is another character, not a slip: "ping" is not "peng".
            return (0, TokenAgreement.None);
        }
        if (a.Kind == TokenKind.Initial || b.Kind == TokenKind.Initial)
        {
            return a.Text[0] == b.Text[0] ? (InitialAgreement, TokenAgreement.Initial) : (0, TokenAgreement.None);
        }
        return Words(a.Text, b.Text, a.FromAbjad || b.FromAbjad, a.Phonetic, b.Phonetic, a.Consonants, b.Consonants);
    }

    /// <summary>Two words, or runs of words joined ("jan"+"daniel" against "jandaniel").</summary>
    internal static (double Similarity, TokenAgreement Agreement) Words(
        string a, string b, bool abjad, string aPhonetic, string bPhonetic, string aConsonants, string bConsonants)
    {
        if (a == b)
        {
            return (1, TokenAgreement.Exact);
        }
        var shortToken = Math.Min(a.Length, b.Length) <= 2;
        if (shortToken && !abjad)
        {
            // One slip in a two-letter token changes the token, but a doubled letter does not ("uun"/"un").
            return Undoubled(a) == Undoubled(b) ? (SoundAlike, TokenAgreement.Sound) : (0, TokenAgreement.None);
        }
        var best = 0.0;
        var agreement = TokenAgreement.None;
        if (!shortToken)
        {
            var longer = Math.Max(a.Length, b.Length);
            var limit = longer / 2;
            var distance = EditDistance.Between(a, b, limit);
            if (distance <= limit)
            {
                // Edits decide whether the words pair; Jaro-Winkler, kinder to slips late in a word, how well, when
                // the words start alike.
                var edits = 1.0 - (double)distance / longer;
                (best, agreement) = (edits >= NameComparer.PairingFloor && a[0] == b[0] && !abjad ? Math.Max(edits, JaroWinkler.Similarity(a, b)) : edits, TokenAgreement.Spelling);
            }
            // Alike in sound: the same key, or for long keys one sound apart ("Aleksandr"/"Alexander").
            if (best < SoundAlike && aPhonetic.Length >= 2
                && (aPhonetic == bPhonetic || (Math.Min(aPhonetic.Length, bPhonetic.Length) >= 8 && EditDistance.Between(aPhonetic, bPhonetic, 1) <= 1)))
            {
                (best, agreement) = (SoundAlike, TokenAgreement.Sound);
            }
        }
        if (abjad && best < 0.9)
        {
            var consonants = ConsonantSimilarity(aConsonants, bConsonants);
            if (consonants > best)
            {
                (best, agreement) = (consonants, TokenAgreement.Consonants);
            }
        }
        return (best, agreement);
    }

    private static string Undoubled(string token)
    {
        var builder = new System.Text.StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Consonant skeletons compared; an Arabic article fused to the word ("lsysy", al-Sisi) may be on either side.
    /// Worth at most 0.9: the vowels were guessed.
    /// </summary>
    private static double ConsonantSimilarity(string a, string b)
    {
        static double One(string x, string y)
        {
            if (x.Length == 0 || y.Length == 0)
            {
                return 0;
            }
            if (x == y)
            {
                return 0.9;
            }
            var longer = Math.Max(x.Length, y.Length);
            if (longer < 3)
            {
                return 0;
            }
            var distance = EditDistance.Between(x, y, 1);
            return distance > 1 ? 0 : 0.9 * (1.0 - (double)distance / longer);
        }
        var best = One(a, b);
        if (a.Length >= 3 && a[0] == 'l')
        {
            best = Math.Max(best, One(a[1..], b));
        }
        if (b.Length >= 3 && b[0] == 'l')
        {
            best = Math.Max(best, One(a, b[1..]));
        }
        return best;
    }
}
