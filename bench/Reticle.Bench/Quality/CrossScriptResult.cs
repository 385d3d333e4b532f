using System.Collections.Immutable;

namespace Reticle.Bench.Quality;

/// <summary>How many cross-script queries found their expected Latin name, with a line per pair.</summary>
internal sealed record CrossScriptResult(int Pairs, int Found, ImmutableArray<string> Lines);
