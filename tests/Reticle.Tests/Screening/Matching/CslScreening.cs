using Reticle.Bench.Quality;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

/// <summary>The full US Consolidated Screening List snapshot (shared reference data) and its index, built once for all tests.</summary>
internal static class CslScreening
{
    private static readonly Lazy<IReadOnlyList<ListEntry>> LazyEntries = new(ReferenceData.CslEntries);
    private static readonly Lazy<ScreeningIndex> LazyIndex = new(() => ScreeningIndex.Build(LazyEntries.Value));

    public static IReadOnlyList<ListEntry> Entries => LazyEntries.Value;

    public static ScreeningIndex Index => LazyIndex.Value;

    public static ListEntry Entry(string list, string name, params string[] aliases) =>
        new(list, $"{list}-{name}", name, [.. aliases], [], null, null, null);
}
