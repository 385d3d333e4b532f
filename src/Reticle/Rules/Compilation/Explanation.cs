using System.Runtime.CompilerServices;

namespace Reticle.Rules.Compilation;

/// <summary>Collects the compared values behind a result ("DCO 1.1 nm <= 1.50 nm") and the facts that were missing.</summary>
/// <remarks>
/// Reasons are written straight into one text buffer, already joined by "; " (an interpolated reason is formatted
/// into it by <see cref="ReasonHandler"/>, not made into a string of its own first): a determination writes thousands
/// of characters of reasons, and each finding's text is then one string made from the buffer.
/// </remarks>
public sealed class Explanation
{
    private const string Separator = "; ";

    private char[] _text = new char[256];
    private int _length;

    // Where each reason starts in the text, and how long it is: a reason already given is not given twice.
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private int _count;

    // Where the reason being written starts (after its separator), while it is being written.
    private int _open = -1;

    private List<string>? _missing;

    /// <summary>How many distinct reasons have been given.</summary>
    public int Count => _count;

    /// <summary>The reasons as findings print them, in one line.</summary>
    public string BecauseText => _length == 0 ? "" : new string(_text, 0, _length);

    /// <summary>The reasons in one line between <paramref name="prefix"/> and <paramref name="suffix"/>, made as one string.</summary>
    public string BecauseTextWithin(string prefix, string suffix) => string.Concat(prefix, _text.AsSpan(0, _length), suffix);

    /// <summary>Facts that were needed but not given, as JSON paths, in ordinal order without repeats.</summary>
    public bool HasMissing => _missing is { Count: > 0 };

    /// <summary>Notes a fact that was needed but not given (a JSON path); each is listed once, in ordinal order.</summary>
    public void AddMissing(string path)
    {
        var missing = _missing ??= new List<string>(4);
        var at = missing.BinarySearch(path, StringComparer.Ordinal);
        if (at < 0)
        {
            missing.Insert(~at, path);
        }
    }

    /// <summary>Notes facts that were needed but not given (JSON paths).</summary>
    public void AddMissing(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            AddMissing(path);
        }
    }

    /// <summary>Notes facts that were needed but not given, each under <paramref name="prefix"/> (a nested item's path).</summary>
    public void AddMissing(string[] paths, string prefix = "")
    {
        foreach (var path in paths)
        {
            AddMissing(prefix.Length == 0 ? path : prefix + path);
        }
    }

    /// <summary>Notes the facts another explanation found missing, each under <paramref name="prefix"/>.</summary>
    public void AddMissing(Explanation other, string prefix = "")
    {
        if (other._missing is { } missing)
        {
            foreach (var path in missing)
            {
                AddMissing(prefix.Length == 0 ? path : prefix + path);
            }
        }
    }

    /// <summary>The missing facts in ordinal order (empty if none).</summary>
    public string[] MissingArray() => _missing is { Count: > 0 } missing ? [.. missing] : [];

    /// <summary>Empties it for reuse (see <see cref="Facts.RentExplanation"/>), keeping the storage.</summary>
    internal void Clear()
    {
        _length = 0;
        _count = 0;
        _open = -1;
        _missing?.Clear();
    }

    public void Add(string reason)
    {
        Open();
        Append(reason);
        Close();
    }

    /// <summary>Adds an interpolated reason, formatted straight into the text (exactly as the string would read).</summary>
    public void Add([InterpolatedStringHandlerArgument("")] ref ReasonHandler reason) => Close();

    internal void Open()
    {
        if (_count > 0)
        {
            Append(Separator);
        }
        _open = _length;
    }

    internal void Close()
    {
        var start = _open;
        var length = _length - start;
        _open = -1;
        var written = _text.AsSpan(start, length);
        for (var i = 0; i < _count; i++)
        {
            if (_lengths[i] == length && _text.AsSpan(_starts[i], length).SequenceEqual(written))
            {
                // Given before: take it back, with its separator.
                _length = _count > 0 ? start - Separator.Length : start;
                return;
            }
        }
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }
        _starts[_count] = start;
        _lengths[_count] = length;
        _count++;
    }

    internal void Append(string? value)
    {
        if (value is null)
        {
            return;
        }
        Append(value.AsSpan());
    }

    internal void Append(ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _text.Length)
        {
            Grow(value.Length);
        }
        value.CopyTo(_text.AsSpan(_length));
        _length += value.Length;
    }

    internal void AppendFormatted<T>(T value)
    {
        // As string interpolation formats a hole: TryFormat with no format and the current culture (no boxing for numbers).
        if (value is ISpanFormattable)
        {
            int written;
            while (!((ISpanFormattable)value).TryFormat(_text.AsSpan(_length), out written, default, null))
            {
                Grow(_text.Length);
            }
            _length += written;
            return;
        }
        Append(value?.ToString());
    }

    private void Grow(int needed) => Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + needed));
}

/// <summary>Formats an interpolated reason straight into an <see cref="Explanation"/>'s text, as string interpolation would.</summary>
[InterpolatedStringHandler]
public readonly ref struct ReasonHandler
{
    private readonly Explanation _target;

    public ReasonHandler(int literalLength, int formattedCount, Explanation target)
    {
        _target = target;
        target.Open();
    }

    public void AppendLiteral(string value) => _target.Append(value);

    public void AppendFormatted(string? value) => _target.Append(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => _target.Append(value);

    public void AppendFormatted<T>(T value) => _target.AppendFormatted(value);
}
