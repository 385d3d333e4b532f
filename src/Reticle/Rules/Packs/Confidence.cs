namespace Reticle.Rules.Packs;

/// <summary>
/// How sure we are of a rule's content: <see cref="Verified"/> against primary legal text,
/// <see cref="Secondary"/> from a law firm, the press or a vendor, <see cref="Unverified"/> an
/// inference nobody has confirmed. Findings from unverified rules say so.
/// </summary>
public enum Confidence
{
    Verified,
    Secondary,
    Unverified,
}
