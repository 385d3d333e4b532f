namespace Reticle.Rules.Compilation;

/// <summary>Collects the compared values behind a result ("DCO 1.1 nm <= 1.50 nm") and the facts that were missing.</summary>
public sealed class Explanation
{
    private SortedSet<string>? _missing;

    public List<string> Because { get; } = [];

    /// <summary>Facts that were needed but not given, as JSON paths (allocated only when there are any).</summary>
    public SortedSet<string> Missing => _missing ??= new SortedSet<string>(StringComparer.Ordinal);

    public bool HasMissing => _missing is { Count: > 0 };

    /// <summary>The reasons as findings print them, in one line.</summary>
    public string BecauseText => string.Join("; ", Because);

    /// <summary>Empties it for reuse (see <see cref="Facts.RentExplanation"/>), keeping the storage.</summary>
    internal void Clear()
    {
        Because.Clear();
        _missing?.Clear();
    }

    public void Add(string reason)
    {
        if (!Because.Contains(reason))
        {
            Because.Add(reason);
        }
    }
}
