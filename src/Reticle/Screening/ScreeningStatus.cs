namespace Reticle.Screening;

/// <summary>
/// How a screening hit counts in a determination (CONTRACT §3): a match at or above the strong level is the
/// party being listed; a hit between the alert threshold and the strong level is a potential match, which
/// gives <c>review</c> until a reviewer confirms or clears it.
/// </summary>
public enum ScreeningStatus
{
    PotentialMatch,
    Match,
}

public static class ScreeningStatusNames
{
    public static string ToWire(this ScreeningStatus status) => status == ScreeningStatus.Match ? "match" : "potential-match";
}
