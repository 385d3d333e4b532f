using System.Collections.Immutable;

namespace Reticle.Bench.Quality;

/// <summary>The best hit's score for each name screened (0 for none), and the top hits by name for examples.</summary>
internal sealed record AlertRate(double Floor, ImmutableArray<double> TopScores, ImmutableArray<(string Name, string Hit, double Score)> Hits)
{
    public int Screened => TopScores.Length;

    public int AlertedAt(double threshold) => TopScores.Count(s => s >= threshold);

    public double RateAt(double threshold) => Screened == 0 ? 0 : (double)AlertedAt(threshold) / Screened;

    public IEnumerable<string> Examples(double threshold) =>
        Hits.Where(h => h.Score >= threshold).Select(h => $"{h.Name} -> {h.Hit} {h.Score:0.00}");
}
