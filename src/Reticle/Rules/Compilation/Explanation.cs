namespace Reticle.Rules.Compilation;

/// <summary>Collects the compared values behind a result ("DCO 1.1 nm <= 1.50 nm") and the facts that were missing.</summary>
public sealed class Explanation
{
    public List<string> Because { get; } = [];
    public SortedSet<string> Missing { get; } = new(StringComparer.Ordinal);

    public void Add(string reason)
    {
        if (!Because.Contains(reason))
        {
            Because.Add(reason);
        }
    }
}
