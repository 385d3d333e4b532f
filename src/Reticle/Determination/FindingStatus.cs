namespace Reticle.Determination;

/// <summary>Whether a rule applied to the transaction, did not, or could not be decided for lack of a fact.</summary>
public enum FindingStatus
{
    Applies,
    Undetermined,
    DoesNotApply,
}

public static class FindingStatusNames
{
    public static string ToWire(this FindingStatus status) => status switch
    {
        FindingStatus.Applies => "applies",
        FindingStatus.Undetermined => "undetermined",
        _ => "does-not-apply",
    };
}
