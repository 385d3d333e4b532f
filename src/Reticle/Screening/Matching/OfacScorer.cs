using System.Text;

namespace Reticle.Screening.Matching;

/// <summary>
/// Reproduces the score OFAC's Sanctions List Search shows (0–100 there, 0–1 here), from its FAQ 249 and from
/// scores observed on the tool: the better of two techniques,
/// <list type="number">
/// <item>the whole names compared by Jaro-Winkler with the prefix bonus always applied (the SimMetrics variant, no
/// 0.7 boost threshold), but only when both names begin with the same letter, which is why "GEORGE BUSH" and
/// "BUSH GEORGE" score differently;</item>
/// <item>each query word against its best word of the listed name (Jaro-Winkler), words below 0.5 counting 0,
/// averaged over the query's words, with words of one or two letters left out unless nothing else is left (so
/// "KIM JONG UN" scores 100 against "KIM, Jong Man").</item>
/// </list>
/// Names are compared in capitals, Latin accents dropped, apostrophes, dots and commas removed, other punctuation
/// splitting words. Other scripts are not transliterated: OFAC's tool finds nothing for "Владимир Путин".
/// </summary>
public static class OfacScorer
{
    private const double WordFloor = 0.5;

    public static double Score(string query, string listed)
    {
        var q = Words(query);
        var l = Words(listed);
        if (q.Count == 0 || l.Count == 0)
        {
            return 0;
        }
        return Math.Max(WholeName(q, l), PerWord(q, l));
    }

    /// <summary>The two techniques' scores, for an explanation.</summary>
    public static (double WholeName, double PerWord) Parts(string query, string listed)
    {
        var q = Words(query);
        var l = Words(listed);
        return q.Count == 0 || l.Count == 0 ? (0, 0) : (WholeName(q, l), PerWord(q, l));
    }

    private static double WholeName(List<string> query, List<string> listed)
    {
        var q = string.Join(' ', query);
        var l = string.Join(' ', listed);
        return q[0] != l[0] ? 0 : JaroWinkler.Similarity(q, l, boostThreshold: 0);
    }

    private static double PerWord(List<string> query, List<string> listed)
    {
        var kept = query.Where(w => w.Length > 2).ToList();
        if (kept.Count == 0)
        {
            kept = query;
        }
        var total = 0.0;
        foreach (var word in kept)
        {
            var best = 0.0;
            foreach (var other in listed)
            {
                best = Math.Max(best, JaroWinkler.Similarity(word, other));
            }
            total += best >= WordFloor ? best : 0;
        }
        return total / kept.Count;
    }

    private static string WithoutAccents(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is >= '\u00C0' and <= '\u024F' ? AnyAscii.Transliteration.Transliterate(c.ToString()) : c.ToString());
        }
        return builder.ToString();
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in WithoutAccents(name))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToUpperInvariant(c));
            }
            else if (c is '\'' or '.' or ',' or '`')
            {
                // removed, not a separator: O'BRIEN is one word
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }
}
