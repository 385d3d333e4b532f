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
        var s = token
            .Replace("sch", "sh", StringComparison.Ordinal).Replace("tch", "ch", StringComparison.Ordinal)
            .Replace("dzh", "j", StringComparison.Ordinal).Replace("dj", "j", StringComparison.Ordinal)
            .Replace("zh", "j", StringComparison.Ordinal).Replace("ph", "f", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal).Replace("kh", "h", StringComparison.Ordinal)
            .Replace("gh", "g", StringComparison.Ordinal).Replace("th", "t", StringComparison.Ordinal)
            .Replace("dh", "d", StringComparison.Ordinal).Replace("x", "ks", StringComparison.Ordinal);
        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' => 'a',
                'w' => 'v',
                'q' => 'k',
                'z' => 's',
                'c' => i + 1 < s.Length && s[i + 1] is 'e' or 'i' or 'y' ? 's' : 'k',
                var other => other,
            };
            // A silent h, and doubled letters or vowel runs, do not change the name.
            if (c == 'h' && i > 0)
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
