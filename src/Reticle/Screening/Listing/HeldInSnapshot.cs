using NodaTime;

namespace Reticle.Screening.Listing;

/// <summary>A list snapshot that held an entry: the entry was listed by the day the snapshot was published.</summary>
/// <param name="Dataset">The snapshot's dataset (<c>us-csl</c>).</param>
/// <param name="Published">The day its publisher generated it.</param>
public sealed record HeldInSnapshot(string Dataset, LocalDate Published);
