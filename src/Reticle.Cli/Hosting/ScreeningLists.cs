using System.Collections.Immutable;
using Reticle.Screening;

namespace Reticle.Cli.Hosting;

/// <summary>The list entries in use and the version of each dataset they came from.</summary>
internal sealed record ScreeningLists(IReadOnlyList<ListEntry> Entries, ImmutableSortedDictionary<string, string> Versions);
