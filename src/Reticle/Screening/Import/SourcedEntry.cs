namespace Reticle.Screening.Import;

/// <summary>A list entry with the place it was read from, so that a duplicate id can name both places.</summary>
internal sealed record SourcedEntry(ListEntry Entry, SourcePosition At);
