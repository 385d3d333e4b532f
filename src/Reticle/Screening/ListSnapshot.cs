using System.Collections.Immutable;
using NodaTime;

namespace Reticle.Screening;

/// <summary>
/// One imported snapshot of a dataset (the CSL, OFAC's SDN list, the UN consolidated list, BIS's
/// Denied Persons List…): every entry it held on the day its publisher generated it. A newer snapshot
/// of the same <see cref="Dataset"/> replaces the older one; <see cref="ListDelta"/> says what changed.
/// </summary>
/// <param name="Dataset">Stable identifier of the dataset: <c>us-csl</c>, <c>ofac-sdn</c>, <c>ofac-cons</c>, <c>un</c>, <c>bis-dpl</c>, <c>eu-fsf</c>.</param>
/// <param name="Format">The import format it was read from (<c>csl-json</c>, <c>ofac-csv</c>…).</param>
/// <param name="Published">The publisher's generation date where the file states it; otherwise null.</param>
public sealed record ListSnapshot(string Dataset, string Format, LocalDate? Published, ImmutableArray<ListEntry> Entries);
