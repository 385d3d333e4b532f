namespace Reticle.Determination;

/// <summary>
/// The outcome lattice of CONTRACT §3, from least to most severe. The overall outcome of a
/// determination is the most severe of its parts (<see cref="NotApplicable"/> counting as
/// <see cref="Permitted"/>).
/// </summary>
public enum Outcome
{
    NotApplicable,
    Permitted,
    Licensed,
    LicenseRequired,
    Review,
    Prohibited,
}

public static class OutcomeNames
{
    public static string ToWire(this Outcome outcome) => outcome switch
    {
        Outcome.NotApplicable => "not-applicable",
        Outcome.Permitted => "permitted",
        Outcome.Licensed => "licensed",
        Outcome.LicenseRequired => "license-required",
        Outcome.Review => "review",
        _ => "prohibited",
    };

    public static Outcome Max(Outcome a, Outcome b) => a >= b ? a : b;
}
