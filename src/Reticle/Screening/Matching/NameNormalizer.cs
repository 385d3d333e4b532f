using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;

namespace Reticle.Screening.Matching;

/// <summary>
/// Turns a name as written into comparable tokens: Unicode compatibility forms folded (NFKC), every script
/// transliterated to ASCII (AnyAscii: Cyrillic, Greek, Arabic, Hebrew, CJK, Hangul, Thai…), diacritics and case
/// dropped, apostrophes and dots joined ("O'Brien" is "obrien", "J.P." is "jp"), other punctuation split, legal forms
/// canonicalised and marked, abbreviations expanded, number words and ordinals made digits, and the Entity List's
/// "and any successor, sub-unit, or subsidiary thereof" dropped. Normalising a normalised key gives the key again.
/// </summary>
public static partial class NameNormalizer
{
    public static NormalizedName Normalize(string name)
    {
        var (text, abjad) = Fold(name);
        var raw = Tokenize(text, abjad);
        return new NormalizedName(name, Canonicalize(raw));
    }

    /// <summary>
    /// NFKC, transliteration and lower case. Ideographs and Hangul syllables become one token each ("习近平" is
    /// "xi jin ping"), since their transliterations run together otherwise; the scorer joins neighbouring tokens
    /// again where the other name writes them as one ("Xi Jinping").
    /// </summary>
    private static (string Text, List<TokenScript> Scripts) Fold(string name)
    {
        string composed;
        try
        {
            composed = name.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            composed = name; // lone surrogates: leave the text to the transliteration, which drops what it cannot read
        }
        var builder = new StringBuilder(composed.Length + 8);
        var abjad = new List<TokenScript>(composed.Length + 8);
        foreach (var rune in composed.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                Append(builder, abjad, (char)rune.Value, TokenScript.Alphabetic);
                continue;
            }
            var script = ScriptOf(rune.Value);
            var ascii = rune.Transliterate();
            if (script is TokenScript.Syllabic or TokenScript.Hangul)
            {
                Append(builder, abjad, ' ', script);
            }
            foreach (var b in ascii)
            {
                Append(builder, abjad, (char)b, script);
            }
            if (script is TokenScript.Syllabic or TokenScript.Hangul)
            {
                Append(builder, abjad, ' ', script);
            }
        }
        var text = builder.ToString();
        var stripped = SuccessorClause().Replace(text, m => new string(' ', m.Length));
        return (stripped, abjad);
    }

    private static void Append(StringBuilder builder, List<TokenScript> scripts, char c, TokenScript script)
    {
        builder.Append(char.ToLowerInvariant(c));
        scripts.Add(script);
    }

    private static TokenScript ScriptOf(int codePoint) => codePoint switch
    {
        >= 0x0590 and <= 0x08FF => TokenScript.Abjad,        // Hebrew, Arabic, Syriac, Thaana, Arabic supplements
        >= 0xFB1D and <= 0xFDFF => TokenScript.Abjad,        // Hebrew and Arabic presentation forms
        >= 0xFE70 and <= 0xFEFF => TokenScript.Abjad,
        >= 0x0E00 and <= 0x0E7F => TokenScript.Abjad,        // Thai writes many vowels implicitly
        >= 0x1100 and <= 0x11FF => TokenScript.Hangul,       // Hangul jamo
        >= 0x3040 and <= 0x30FF => TokenScript.Syllabic,     // kana
        >= 0x3400 and <= 0x9FFF => TokenScript.Syllabic,     // CJK ideographs
        >= 0xAC00 and <= 0xD7AF => TokenScript.Hangul,       // Hangul syllables
        >= 0xF900 and <= 0xFAFF => TokenScript.Syllabic,
        >= 0x20000 and <= 0x3FFFF => TokenScript.Syllabic,
        _ => TokenScript.Alphabetic,
    };

    /// <summary>Letters and digits make tokens; apostrophes and dots join ("O'Brien", "S.A."); "&amp;" is "and"; anything else splits.</summary>
    private static List<(string Text, TokenScript Script)> Tokenize(string text, List<TokenScript> scripts)
    {
        var tokens = new List<(string, TokenScript)>();
        var current = new StringBuilder();
        var script = TokenScript.Alphabetic;
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add((current.ToString(), script));
                current.Clear();
            }
            script = TokenScript.Alphabetic;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(c);
                script = (TokenScript)Math.Max((int)script, (int)scripts[i]);
            }
            else if (c is '\'' or '`' or '.' or '^')
            {
                // joins: apostrophes (O'Brien, transliterated ayn and hamza), dots of abbreviations (J.P., S.A.)
            }
            else if (c == '&')
            {
                Flush();
                tokens.Add(("and", TokenScript.Alphabetic));
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return tokens;
    }

    private static ImmutableArray<NameToken> Canonicalize(List<(string Text, TokenScript Script)> raw)
    {
        var texts = new List<string>(raw.Count);
        var scripts = new List<TokenScript>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (text, script) = raw[i];
            // "forty four" is 44.
            if (i + 1 < raw.Count && NameWords.CompoundNumber(text, raw[i + 1].Text) is { } compound)
            {
                texts.Add(compound);
                scripts.Add(script);
                i++;
                continue;
            }
            var rewritten = NameWords.Rewrite(Unleet(text));
            texts.Add(LegalForms.TryCanonical(rewritten, out var legal) || LegalForms.TryMisspelt(rewritten, out legal) ? legal : rewritten);
            scripts.Add(script);
        }
        var tokens = ImmutableArray.CreateBuilder<NameToken>(texts.Count);
        for (var i = 0; i < texts.Count;)
        {
            if (LegalForms.PhraseAt(texts, i) is { } phrase)
            {
                foreach (var canonical in phrase.Canonical)
                {
                    tokens.Add(new NameToken(canonical, TokenKind.LegalForm));
                }
                i += phrase.Length;
                continue;
            }
            var text = texts[i];
            var kind = KindOf(text);
            tokens.Add(new NameToken(text, scripts[i] is TokenScript.Syllabic or TokenScript.Hangul && kind is TokenKind.Particle or TokenKind.Initial ? TokenKind.Word : kind, scripts[i]));
            i++;
        }
        // A name of particles and initials only ("AT&T", "The A B C") is still a name: its tokens are its words.
        if (!tokens.Any(t => t.IsSignificant))
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                tokens[i] = new NameToken(tokens[i].Text, TokenKind.Word, tokens[i].Script);
            }
        }
        return tokens.ToImmutable();
    }

    /// <summary>
    /// Digits standing for letters in a word ("Ig0r Sech1n"): a token mostly of letters has its 0, 1, 3, 4, 5, 7 read
    /// as o, i, e, a, s, t. Codes and numbers (mostly digits, or digits only) are left alone.
    /// </summary>
    private static string Unleet(string token)
    {
        var digits = 0;
        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                letters++;
            }
        }
        if (digits == 0 || letters < 3 || digits * 2 >= letters || token.Any(c => c is '2' or '6' or '8' or '9'))
        {
            return token;
        }
        return string.Create(token.Length, token, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', var c => c };
            }
        });
    }

    private static TokenKind KindOf(string token) =>
        token.Any(char.IsAsciiDigit) ? TokenKind.Number
        : LegalForms.IsCanonical(token) ? TokenKind.LegalForm
        : NameWords.IsParticle(token) ? TokenKind.Particle
        : token.Length == 1 ? TokenKind.Initial
        : TokenKind.Word;

    /// <summary>"… and any successor, sub-unit, or subsidiary thereof": the Entity List's reach, not part of the name.</summary>
    [GeneratedRegex(@"(?:\band\s+|&\s*)?\b(?:any|all)\s+(?:of\s+(?:its|their)\s+)?(?:successors?|sub-?units?|subsidiar(?:y|ies))\b.*?\bthereof\b", RegexOptions.CultureInvariant)]
    private static partial Regex SuccessorClause();
}
