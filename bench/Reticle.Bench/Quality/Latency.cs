namespace Reticle.Bench.Quality;

/// <summary>Per-query wall times in milliseconds.</summary>
internal sealed record Latency(int Queries, double P50Milliseconds, double P99Milliseconds, double MeanMilliseconds, double MaxMilliseconds);
