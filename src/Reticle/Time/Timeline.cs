namespace Reticle.Time;

using NodaTime;

/// <summary>
/// Values that hold over non-overlapping effective periods, validated once and then looked up by
/// binary search (the shape of NodaTime's precalculated time zones).
/// </summary>
public sealed class Timeline<T>
{
    private readonly LocalDate[] _starts;
    private readonly (EffectivePeriod Period, T Value)[] _entries;

    private Timeline((EffectivePeriod, T)[] entries)
    {
        _entries = entries;
        _starts = entries.Select(e => e.Item1.From).ToArray();
    }

    public IReadOnlyList<(EffectivePeriod Period, T Value)> Entries => _entries;

    /// <summary>
    /// Builds a timeline, or explains which two periods overlap. Gaps are allowed: a date in a gap
    /// has no value.
    /// </summary>
    public static Timeline<T>? TryCreate(IEnumerable<(EffectivePeriod Period, T Value)> entries, out string? error)
    {
        var sorted = entries.OrderBy(e => e.Period.From).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].Period.Overlaps(sorted[i].Period))
            {
                error = $"periods {sorted[i - 1].Period} and {sorted[i].Period} overlap";
                return null;
            }
        }
        error = null;
        return new Timeline<T>(sorted);
    }

    public static Timeline<T> Create(IEnumerable<(EffectivePeriod Period, T Value)> entries) =>
        TryCreate(entries, out var error) ?? throw new ArgumentException(error);

    public bool TryGet(LocalDate date, out T value)
    {
        var index = Array.BinarySearch(_starts, date);
        if (index < 0)
        {
            index = ~index - 1;
        }
        if (index >= 0 && _entries[index].Period.Contains(date))
        {
            value = _entries[index].Value;
            return true;
        }
        value = default!;
        return false;
    }
}
