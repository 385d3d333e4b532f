namespace Reticle.Screening.Matching;

/// <summary>
/// Numbered groups of numbers (the names using a word, the words sharing a spelling key) laid end to end in one array,
/// with where each group starts: persisted and loaded as two blocks, read as spans.
/// </summary>
internal sealed class IntGroups
{
    private readonly int[] _values;
    private readonly int[] _starts;

    internal IntGroups(int[] values, int[] starts)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != values.Length)
        {
            throw new InvalidDataException("group bounds do not match their values");
        }
        _values = values;
        _starts = starts;
    }

    public static IntGroups Of(IReadOnlyList<IReadOnlyCollection<int>> groups)
    {
        var starts = new int[groups.Count + 1];
        var total = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            total += groups[g].Count;
        }
        var values = new int[total];
        var at = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            starts[g] = at;
            foreach (var v in groups[g])
            {
                values[at++] = v;
            }
        }
        starts[^1] = at;
        return new IntGroups(values, starts);
    }

    public int Count => _starts.Length - 1;

    internal int[] Values => _values;

    internal int[] Starts => _starts;

    public ReadOnlySpan<int> this[int group] => _values.AsSpan(_starts[group], _starts[group + 1] - _starts[group]);
}
