namespace Reticle.Bench.Quality;

/// <summary>A query in another script, the Latin name it should find, and the least score watchman expects.</summary>
internal sealed record CrossScriptPair(string Query, string Expected, double MinScore, string Description);
