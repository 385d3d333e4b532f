using NodaTime;

namespace Reticle.Screening.Import;

/// <summary>What a reader found in a format's files, before the importer checks it as a whole (ids unique, not empty).</summary>
internal sealed record ListContent(string Dataset, LocalDate? Published, IReadOnlyList<SourcedEntry> Entries);
