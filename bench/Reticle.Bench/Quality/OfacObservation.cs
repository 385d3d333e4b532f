namespace Reticle.Bench.Quality;

/// <summary>A score observed on OFAC's Sanctions List Search; -1 when it returned no hit.</summary>
internal sealed record OfacObservation(string Query, string Listed, int Score);
