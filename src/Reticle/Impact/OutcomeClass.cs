using Reticle.Determination;

namespace Reticle.Impact;

/// <summary>
/// The classes an outcome falls in when asking whether a change matters (CONTRACT §6), from least to most severe:
/// <see cref="Go"/> takes in <c>not-applicable</c> and <c>permitted</c>, since either way the order may go ahead
/// without a licence. A move inside <see cref="Go"/> is not a material change.
/// </summary>
public enum OutcomeClass
{
    Go,
    Licensed,
    LicenseRequired,
    Review,
    Prohibited,
}

public static class OutcomeClasses
{
    public static OutcomeClass ClassOf(this Outcome outcome) => outcome switch
    {
        Outcome.NotApplicable or Outcome.Permitted => OutcomeClass.Go,
        Outcome.Licensed => OutcomeClass.Licensed,
        Outcome.LicenseRequired => OutcomeClass.LicenseRequired,
        Outcome.Review => OutcomeClass.Review,
        _ => OutcomeClass.Prohibited,
    };

    /// <summary>Whether the order cannot go ahead as it stands: a licence is missing, a fact or hit is open, or it is prohibited.</summary>
    public static bool IsHeld(this Outcome outcome) => outcome.ClassOf() >= OutcomeClass.LicenseRequired;
}
