using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Reticle.Model;

namespace Reticle.Input;

/// <summary>
/// Reads transactions as <see cref="TransactionReader"/> does, but from a stream and one at a time, so that a book of a
/// million orders is never held whole. JSON Lines (two or more lines, each a whole object) are read a line at a time, with
/// no limit on the input's size (each line is held to <see cref="TransactionReader.MaxBytes"/>); anything else (one object,
/// an array) is read whole, as before, within that limit. Problems are added to the caller's list with the same places as
/// <see cref="TransactionReader"/> names (<c>file:line</c> and a JSON path, or a byte offset), and a transaction with a
/// problem is not yielded. Ids given twice are not checked here: that needs every id read, which the store does.
/// </summary>
public static class TransactionStream
{
    /// <summary>After this many problems the rest of the input is not read: they are enough to fix, and a list of them all could be as large as the input.</summary>
    public const int MaxProblems = 1000;

    public static IEnumerable<(string Where, Transaction Transaction)> Read(string file, Stream input, List<InputError> errors)
    {
        var lines = new LineReader(input);
        // Up to the first two non-blank lines decide the format, as TransactionReader does; the lines read are kept to be read
        // again as one text when they do not begin JSON Lines.
        var head = new List<(byte[] Bytes, long Offset, int Number, bool Ended)>();
        while (head.Count(l => !IsBlank(l.Bytes)) < 2 && lines.Next() is { } line)
        {
            head.Add(line);
        }
        var first = head.Where(l => !IsBlank(l.Bytes)).ToList();
        if (first.Count == 2 && first.TrueForAll(l => IsObjectLine(l.Bytes)))
        {
            foreach (var line in first)
            {
                foreach (var read in ReadLine(file, line, errors))
                {
                    yield return read;
                }
            }
            while (errors.Count < MaxProblems && lines.Next() is { } line)
            {
                foreach (var read in ReadLine(file, line, errors))
                {
                    yield return read;
                }
            }
            if (errors.Count >= MaxProblems && lines.Next() is not null)
            {
                errors.Add(new InputError(file, $"the rest of the input was not read after {MaxProblems:N0} problems"));
            }
            yield break;
        }

        // One object, an array, or not JSON at all: read whole, within the limit, and parsed as TransactionReader parses it.
        var whole = new MemoryStream();
        if (lines.HadByteOrderMark)
        {
            whole.Write(Encoding.UTF8.Preamble);
        }
        foreach (var line in head)
        {
            whole.Write(line.Bytes);
            if (line.Ended)
            {
                whole.WriteByte((byte)'\n');
            }
        }
        lines.CopyRestTo(whole, TransactionReader.MaxBytes + 1L);
        if (whole.Length > TransactionReader.MaxBytes)
        {
            errors.Add(new InputError(file, $"input is more than {TransactionReader.MaxBytes:N0} bytes and not JSON Lines; the limit is {TransactionReader.MaxBytes:N0} (JSON Lines have none)"));
            yield break;
        }
        var text = Utf8Input.Decode(file, whole.GetBuffer().AsSpan(0, (int)whole.Length), errors);
        if (text is null)
        {
            yield break;
        }
        var parsed = TransactionReader.Read(file, text, errors);
        for (var i = 0; i < parsed.Transactions.Count; i++)
        {
            yield return (parsed.Places[i], parsed.Transactions[i]);
        }
    }

    private static IEnumerable<(string Where, Transaction Transaction)> ReadLine(string file, (byte[] Bytes, long Offset, int Number, bool Ended) line, List<InputError> errors)
    {
        if (IsBlank(line.Bytes))
        {
            yield break;
        }
        var where = $"{file}:{line.Number}";
        if (line.Bytes.Length > TransactionReader.MaxBytes)
        {
            errors.Add(new InputError(where, $"line is {line.Bytes.Length:N0} bytes; the limit is {TransactionReader.MaxBytes:N0}"));
            yield break;
        }
        var text = Decode(file, line.Bytes, line.Offset, errors);
        if (text is null)
        {
            yield break;
        }
        var read = new List<Transaction>(1);
        using (var json = StrictJson.ParseDocument(where, text, TransactionReader.MaxDepth, errors, file, line.Number - 1))
        {
            if (json is null)
            {
                yield break;
            }
            TransactionReader.ReadOne(where, json.RootElement, read, [], errors);
        }
        if (read.Count == 1)
        {
            yield return (where, read[0]);
        }
    }

    // As Utf8Input.Decode, with the offset counted from the start of the input, not of the line.
    private static string? Decode(string file, byte[] bytes, long offset, List<InputError> errors)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            if (Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                errors.Add(new InputError(file, $"invalid UTF-8 at byte offset {offset + read:N0}; the input must be UTF-8 text"));
                return null;
            }
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private static bool IsObjectLine(ReadOnlySpan<byte> line)
    {
        var trimmed = line.Trim(" \t\r"u8);
        return trimmed.Length >= 2 && trimmed[0] == (byte)'{' && trimmed[^1] == (byte)'}';
    }

    /// <summary>Lines of bytes (without their '\n'), each with its byte offset and 1-based number; a leading byte-order mark is skipped.</summary>
    private sealed class LineReader(Stream input)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private long _offset;
        private int _number;
        private bool _done;
        private bool _started;

        public bool HadByteOrderMark { get; private set; }

        public (byte[] Bytes, long Offset, int Number, bool Ended)? Next()
        {
            if (!_started)
            {
                Fill();
            }
            var line = new ArrayBufferWriter<byte>();
            var lineOffset = _offset;
            while (true)
            {
                if (_start == _end && !Fill())
                {
                    if (line.WrittenCount == 0 && _done && lineOffset == _offset)
                    {
                        return null;
                    }
                    _number++;
                    return (line.WrittenSpan.ToArray(), lineOffset, _number, false);
                }
                var span = _buffer.AsSpan(_start, _end - _start);
                var newline = span.IndexOf((byte)'\n');
                var take = newline < 0 ? span.Length : newline;
                line.Write(span[..take]);
                _start += take;
                _offset += take;
                if (newline >= 0)
                {
                    _start++;
                    _offset++;
                    _number++;
                    return (line.WrittenSpan.ToArray(), lineOffset, _number, true);
                }
            }
        }

        /// <summary>Everything not yet returned as a line (at most <paramref name="limit"/> bytes), from the start of the input if nothing was.</summary>
        public void CopyRestTo(MemoryStream target, long limit)
        {
            while (target.Length < limit && (_start < _end || Fill()))
            {
                target.Write(_buffer, _start, _end - _start);
                _start = _end;
            }
        }

        private bool Fill()
        {
            if (_done)
            {
                return false;
            }
            _start = 0;
            _end = input.Read(_buffer, 0, _buffer.Length);
            if (!_started)
            {
                _started = true;
                // A byte-order mark is not part of the first line; offsets still count it, as Utf8Input's do.
                if (_end >= 3 && _buffer.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble))
                {
                    _start = 3;
                    _offset = 3;
                    HadByteOrderMark = true;
                }
            }
            if (_end == 0)
            {
                _done = true;
                return false;
            }
            return true;
        }
    }
}
