namespace Reticle.Screening.Matching;

/// <summary>Which scorer ranks candidates.</summary>
public enum ScoringMode
{
    /// <summary>Reticle's explainable aligner (<see cref="NameComparer"/>) with country and type as qualifiers.</summary>
    Reticle,

    /// <summary>
    /// A reproduction of OFAC Sanctions List Search's score (<see cref="OfacScorer"/>), name only, so a user can see
    /// what OFAC's own tool would say. Not a better matcher: it keeps OFAC's quirks.
    /// </summary>
    Ofac,
}
