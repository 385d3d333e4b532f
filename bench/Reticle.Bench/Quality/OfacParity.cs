using System.Collections.Immutable;

namespace Reticle.Bench.Quality;

/// <summary>How many of OFAC's observed scores the OFAC mode reproduces within five points, and the no-hit rows it scores below 50.</summary>
internal sealed record OfacParity(int Rows, int Within5, double MeanAbsoluteError, int NoHitRows, int NoHitBelow50, ImmutableArray<string> Misses)
{
    public double Share => Rows == 0 ? 0 : (double)Within5 / Rows;
}
