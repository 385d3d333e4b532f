namespace Reticle.Screening.Matching;

/// <summary>
/// Many strings laid end to end in one array of characters, with where each starts: two arrays instead of an object per
/// string, so that an index persists and loads them as two blocks and makes a string only when one is asked for.
/// </summary>
internal sealed class StringList
{
    private readonly char[] _chars;
    private readonly int[] _starts;

    /// <summary>As persisted: the characters, and the start of each string followed by the end of the last.</summary>
    internal StringList(char[] chars, int[] starts)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != chars.Length)
        {
            throw new InvalidDataException("string list bounds do not match its characters");
        }
        _chars = chars;
        _starts = starts;
    }

    public static StringList Of(IReadOnlyList<string> strings)
    {
        var starts = new int[strings.Count + 1];
        var length = 0L;
        for (var i = 0; i < strings.Count; i++)
        {
            length += strings[i].Length;
        }
        var chars = new char[checked((int)length)];
        var at = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            starts[i] = at;
            strings[i].CopyTo(chars.AsSpan(at));
            at += strings[i].Length;
        }
        starts[^1] = at;
        return new StringList(chars, starts);
    }

    public int Count => _starts.Length - 1;

    internal char[] Chars => _chars;

    internal int[] Starts => _starts;

    public ReadOnlySpan<char> Span(int i) => _chars.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);

    public string this[int i] => new(Span(i));
}
