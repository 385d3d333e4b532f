using System.Text;
using Reticle.Screening;

namespace Reticle.Bench.Baselines;

/// <summary>
/// The baseline the screening index is measured against: every listed name compared with the query, no index, by
/// best-pairs Jaro-Winkler in the manner of watchman's BestPairsJaroWinkler: names lower-cased, accents and
/// punctuation dropped, split into words; each query word paired greedily with its most similar unused listed word;
/// the score is the pairs' Jaro-Winkler averaged by the words' lengths over all words of the query and the paired
/// words of the listed name, lowered by up to 15 % for listed characters left unpaired. Listed names are tokenised
/// once, up front, which flatters the baseline.
/// </summary>
internal sealed class BruteForceJaroWinkler
{
    private readonly (ListEntry Entry, string Name, string[] Words)[] _names;

    public BruteForceJaroWinkler(IEnumerable<ListEntry> entries) =>
        _names = [.. entries.SelectMany(e => e.AllNames.Select(n => (e, n, Words(n))))];

    public int NameCount => _names.Length;

    /// <summary>The entries whose best name scores at least the threshold, best first.</summary>
    public IReadOnlyList<(ListEntry Entry, string Name, double Score)> Screen(string query, double threshold, int limit)
    {
        var words = Words(query);
        var best = new Dictionary<ListEntry, (string Name, double Score)>(ReferenceEqualityComparer.Instance);
        foreach (var (entry, name, listed) in _names)
        {
            var score = Score(words, listed);
            if (score >= threshold && (!best.TryGetValue(entry, out var current) || score > current.Score))
            {
                best[entry] = (name, score);
            }
        }
        return [.. best.OrderByDescending(b => b.Value.Score).Take(limit).Select(b => (b.Key, b.Value.Name, b.Value.Score))];
    }

    public static double Score(string a, string b) => Score(Words(a), Words(b));

    private static double Score(string[] query, string[] listed)
    {
        if (query.Length == 0 || listed.Length == 0)
        {
            return 0;
        }
        var pairs = new List<(int Q, int L, double Score)>(query.Length * listed.Length);
        for (var i = 0; i < query.Length; i++)
        {
            for (var j = 0; j < listed.Length; j++)
            {
                pairs.Add((i, j, JaroWinkler(query[i], listed[j])));
            }
        }
        pairs.Sort((x, y) => y.Score.CompareTo(x.Score));
        var queryUsed = new bool[query.Length];
        var listedUsed = new bool[listed.Length];
        double total = 0, lengths = 0;
        foreach (var (q, l, score) in pairs)
        {
            if (queryUsed[q] || listedUsed[l])
            {
                continue;
            }
            queryUsed[q] = listedUsed[l] = true;
            var length = query[q].Length + listed[l].Length;
            total += score * length;
            lengths += length;
        }
        var queryLength = query.Sum(w => w.Length);
        var pairedListed = listed.Where((_, j) => listedUsed[j]).Sum(w => w.Length);
        var listedLength = listed.Sum(w => w.Length);
        var average = total / (queryLength + pairedListed);
        return average * (1 - (1 - (double)pairedListed / listedLength) * 0.15);
    }

    private static string[] Words(string name)
    {
        var folded = AnyAscii.Transliteration.Transliterate(name).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : ' ');
        }
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static double JaroWinkler(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            transpositions += a[i] != b[k++] ? 1 : 0;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro < 0.7 ? jaro : jaro + prefix * 0.1 * (1 - jaro);
    }
}
