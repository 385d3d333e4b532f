namespace Reticle.Screening.Matching;

/// <summary>What a name token is, which decides how much it weighs when names are compared.</summary>
public enum TokenKind
{
    /// <summary>An ordinary word of a name: weighted by its rarity in the lists.</summary>
    Word,

    /// <summary>Digits or a series marker ("17", "II" read as 2): two names with different numbers name different parties.</summary>
    Number,

    /// <summary>A single letter, usually a first-name initial: it agrees with any word that starts with it, and weighs little.</summary>
    Initial,

    /// <summary>A legal form ("ltd", "jsc", "gmbh"): says little about who the party is, so it weighs little.</summary>
    LegalForm,

    /// <summary>A particle, article or honorific ("the", "of", "mr"): kept for the explanation, nearly weightless.</summary>
    Particle,
}
