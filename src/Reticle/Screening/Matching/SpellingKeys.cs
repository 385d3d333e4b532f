using System.Text;

namespace Reticle.Screening.Matching;

/// <summary>
/// Coarse keys under which spellings of one spoken name agree. <see cref="Phonetic"/> folds the usual Latin
/// transliteration variants ("Mohamed"/"Muhammad", "Samsong"/"Samsung", "Jeong"/"Jong"); <see cref="Consonants"/>
/// keeps only consonants, for names transliterated from scripts that do not write short vowels ("mhmd" from Arabic
/// is "Mohamed", "dvd" from Hebrew is "David").
/// </summary>
internal static class SpellingKeys
{
    public static string Phonetic(string token)
    {
        Span<char> buffer = token.Length <= 64 ? stackalloc char[token.Length * 2] : new char[token.Length * 2];
        var length = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            var after = i + 2 < token.Length ? token[i + 2] : '\0';
            char? sound;
            switch (c)
            {
                case 's' when next == 'c' && after == 'h': sound = 's'; i += 2; break;   // sch: sh
                case 't' when next == 'c' && after == 'h': sound = 'k'; i += 2; break;   // tch: ch
                case 'd' when next == 'z' && after == 'h': sound = 'j'; i += 2; break;   // dzh: j
                case 'd' when next == 'j': sound = 'j'; i++; break;
                case 'z' when next == 'h': sound = 'j'; i++; break;
                case 'p' when next == 'h': sound = 'f'; i++; break;
                case 'c' when next == 'k': sound = 'k'; i++; break;
                case 'k' when next == 'h': sound = i == 0 ? 'h' : null; i++; break;    // kh: a breathed h (Mikhail, Mihail)
                case 'g' or 't' or 'd' when next == 'h': sound = c; i++; break;        // gh, th, dh
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'y': sound = 'a'; break;
                case 'w': sound = 'v'; break;
                case 'q': sound = 'k'; break;
                case 'z': sound = 's'; break;
                case 'x': sound = null; Append(buffer, ref length, 'k'); Append(buffer, ref length, 's'); break;
                case 'c': sound = next is 'e' or 'i' or 'y' ? 's' : 'k'; break;
                case 'h' when i > 0: sound = null; break; // a silent h does not change the name
                default: sound = c; break;
            }
            if (sound is { } s)
            {
                Append(buffer, ref length, s);
            }
        }
        return new string(buffer[..length]);
    }

    /// <summary>Appends unless the same sound is already last: doubled letters and vowel runs do not change the name.</summary>
    private static void Append(Span<char> buffer, ref int length, char c)
    {
        if (length == 0 || buffer[length - 1] != c)
        {
            buffer[length++] = c;
        }
    }

    public static string Consonants(string token)
    {
        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            // Arabic has no p, v or hard c: a Latin "Perez" is written with b, "Vali" with f.
            var c = token[i] switch
            {
                'c' or 'q' => 'k',
                'p' => 'b',
                'v' => 'f',
                var other => other,
            };
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w')
            {
                continue;
            }
            if (builder.Length > 0 && builder[^1] == c)
            {
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A key under which the romanisations of one Korean syllable agree: revised (Gim, Jeong, Bak), McCune-Reischauer
    /// (Kim, Chŏng, Pak) and the customary ones (Park, Jung, Lee).
    /// </summary>
    public static string Korean(string token)
    {
        if (token is "i" or "lee" or "yi" or "rhee" or "ri" or "rhie" or "li")
        {
            return "li";
        }
        var s = token
            .Replace("ch", "j", StringComparison.Ordinal).Replace("sh", "s", StringComparison.Ordinal)
            .Replace("eo", "o", StringComparison.Ordinal).Replace("eu", "u", StringComparison.Ordinal)
            .Replace("oo", "u", StringComparison.Ordinal).Replace("ae", "e", StringComparison.Ordinal)
            .Replace("ee", "i", StringComparison.Ordinal);
        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            // An r before a consonant or at the end is not pronounced ("Park" is Pak).
            if (c == 'r' && (i + 1 == s.Length || !IsVowel(s[i + 1])))
            {
                continue;
            }
            c = c switch { 'g' => 'k', 'd' => 't', 'b' => 'p', 'r' => 'l', 'u' => 'o', _ => c };
            if (builder.Length > 0 && builder[^1] == c)
            {
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w';
}
