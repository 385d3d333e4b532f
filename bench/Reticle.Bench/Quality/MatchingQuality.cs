using System.Collections.Immutable;
using System.Diagnostics;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Quality;

/// <summary>
/// The matching measurements, shared by the quality report (bench) and the regression test that holds their floors.
/// Every measurement is on public reference data; nothing is tuned per case.
/// </summary>
internal static class MatchingQuality
{
    /// <summary>Each labelled pair scored name against name, with the rarity of words in the index's lists.</summary>
    public static ImmutableArray<(NameBenchCase Case, double Score)> ScoreNameBench(NameComparer comparer, IEnumerable<NameBenchCase> cases) =>
        [.. cases.Select(c => (c, Pair(comparer, c.Name1, c.Name2, c.Type)))];

    /// <summary>The best score over the names' variants (aliases in parentheses), with the schema's type on both sides.</summary>
    public static double Pair(NameComparer comparer, string name1, string name2, PartyType type)
    {
        var best = 0.0;
        foreach (var a in NameVariants.Of(name1).Select(NameNormalizer.Normalize))
        {
            foreach (var b in NameVariants.Of(name2).Select(NameNormalizer.Normalize))
            {
                best = Math.Max(best, comparer.Score(a, b, type));
            }
        }
        return best;
    }

    public static PrecisionRecall At(IEnumerable<(NameBenchCase Case, double Score)> scored, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (c, score) in scored)
        {
            var predicted = score >= threshold;
            if (predicted && c.IsMatch) tp++;
            else if (predicted) fp++;
            else if (c.IsMatch) fn++;
            else tn++;
        }
        return new PrecisionRecall(threshold, tp, fp, tn, fn);
    }

    public static OfacParity Ofac(IEnumerable<OfacObservation> observations)
    {
        int rows = 0, within = 0, noHit = 0, noHitBelow = 0;
        var error = 0.0;
        var misses = ImmutableArray.CreateBuilder<string>();
        foreach (var o in observations)
        {
            var ours = (int)Math.Round(OfacScorer.Score(o.Query, o.Listed) * 100);
            if (o.Score < 0)
            {
                noHit++;
                noHitBelow += ours < 50 ? 1 : 0;
                continue;
            }
            rows++;
            var delta = Math.Abs(ours - o.Score);
            error += delta;
            if (delta <= 5)
            {
                within++;
            }
            else
            {
                misses.Add($"{o.Query} / {o.Listed}: OFAC {o.Score}, ours {ours}");
            }
        }
        return new OfacParity(rows, within, rows == 0 ? 0 : error / rows, noHit, noHitBelow, misses.ToImmutable());
    }

    /// <summary>
    /// Each query screened against the corpus plus every pair's expected Latin name as an entry of its own; found when
    /// the expected entry is a hit at its minimum score or better, or the top hit.
    /// </summary>
    public static CrossScriptResult CrossScript(IReadOnlyList<ListEntry> corpus, IReadOnlyList<CrossScriptPair> pairs)
    {
        var expected = pairs.Select((p, i) => new ListEntry("XS", $"xs-{i}", p.Expected, [], [], null, null, null) { Type = PartyType.Individual }).ToList();
        var index = ScreeningIndex.Build(corpus.Concat(expected));
        var lines = ImmutableArray.CreateBuilder<string>();
        var found = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var hits = index.Screen(new ScreeningQuery(pair.Query, Threshold: 0.3, Limit: 20));
            var rank = hits.IndexOf(hits.FirstOrDefault(h => h.Entry.Id == $"xs-{i}")!);
            var score = rank >= 0 ? hits[rank].Score : 0;
            var ok = rank == 0 || (rank > 0 && score >= pair.MinScore);
            found += ok ? 1 : 0;
            lines.Add($"{(ok ? "found " : "MISSED")} {pair.Query} -> {pair.Expected}: score {score:0.00} (min {pair.MinScore:0.00}), rank {(rank < 0 ? "-" : (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}; top: {(hits.IsEmpty ? "none" : $"{hits[0].MatchedName} {hits[0].Score:0.00}")}");
        }
        return new CrossScriptResult(pairs.Count, found, lines.ToImmutable());
    }

    /// <summary>Each name screened (as a person) at the floor threshold: its best hit, to read alert rates at any threshold above.</summary>
    public static AlertRate Alerts(ScreeningIndex index, IEnumerable<string> names, double floor, PartyType type = PartyType.Individual)
    {
        var scores = ImmutableArray.CreateBuilder<double>();
        var hits = ImmutableArray.CreateBuilder<(string, string, double)>();
        foreach (var name in names)
        {
            var found = index.Screen(new ScreeningQuery(name, Type: type, Threshold: floor, Limit: 1));
            scores.Add(found.IsEmpty ? 0 : found[0].Score);
            if (!found.IsEmpty && hits.Count < 2000)
            {
                hits.Add((name, $"{found[0].MatchedName} ({found[0].Entry.List})", found[0].Score));
            }
        }
        return new AlertRate(floor, scores.ToImmutable(), hits.ToImmutable());
    }

    /// <summary>Per-query wall time on this thread, after a warm-up pass.</summary>
    public static Latency Time(ScreeningIndex index, IReadOnlyList<ScreeningQuery> queries)
    {
        foreach (var q in queries.Take(200))
        {
            index.Screen(q);
        }
        var times = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Screen(queries[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return new Latency(times.Length, times[times.Length / 2], times[(int)(times.Length * 0.99)], times.Average(), times[^1]);
    }

    /// <summary>
    /// Realistic queries: half listed names with a slip (a dropped word, a typo, words reordered), half names of
    /// non-listed persons; deterministic.
    /// </summary>
    public static IReadOnlyList<ScreeningQuery> RealisticQueries(IReadOnlyList<ListEntry> entries, IReadOnlyList<string> others, int count)
    {
        var random = new Random(20260731);
        var queries = new List<ScreeningQuery>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 1)
            {
                queries.Add(new ScreeningQuery(others[random.Next(others.Count)], Type: PartyType.Individual));
                continue;
            }
            var entry = entries[random.Next(entries.Count)];
            var words = entry.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            switch (random.Next(4))
            {
                case 0 when words.Count > 2:
                    words.RemoveAt(random.Next(words.Count));
                    break;
                case 1:
                    var w = random.Next(words.Count);
                    if (words[w].Length > 4)
                    {
                        var p = random.Next(1, words[w].Length - 1);
                        words[w] = words[w][..p] + words[w][(p + 1)..];
                    }
                    break;
                case 2:
                    words.Reverse();
                    break;
            }
            queries.Add(new ScreeningQuery(string.Join(' ', words), Country: entry.Countries.FirstOrDefault(), Type: entry.Type));
        }
        return queries;
    }
}
