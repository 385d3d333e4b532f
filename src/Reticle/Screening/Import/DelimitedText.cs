using System.Buffers;
using System.Text;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// A strict RFC 4180 reader for comma- or tab-separated list files. Strict on purpose: a quote inside an
/// unquoted field, text after a closing quote, or a quoted field still open at the end of the file (a
/// truncated download) is an error naming the line, where lenient readers (Sep, CsvHelper's defaults)
/// would import a mangled name. CRLF and LF both end records, blank lines are skipped, and one DOS
/// end-of-file mark (0x1A) as the very last character is dropped: OFAC's legacy files end with one.
/// </summary>
internal static class DelimitedText
{
    private const char EndOfFileMark = '\u001A';

    /// <summary>
    /// The data records under a header record (<paramref name="records"/>' first), each with its place (<c>file:line</c>):
    /// a record of blanks alone is passed over, and one whose number of fields is not the header's is an error naming it.
    /// </summary>
    public static IEnumerable<(string Where, DelimitedRecord Record)> Rows(string file, List<DelimitedRecord> records, List<InputError> errors)
    {
        var columns = records[0].Fields.Length;
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Length == 1 && record.Fields[0].Trim().Length == 0)
            {
                continue;
            }
            var where = $"{file}:{record.Line}";
            if (record.Fields.Length != columns)
            {
                errors.Add(new InputError(where, $"{record.Fields.Length} fields where the header has {columns}"));
                continue;
            }
            yield return (where, record);
        }
    }

    /// <summary>The records of <paramref name="text"/>, or null (with the first syntax error added) if it is malformed.</summary>
    /// <param name="firstLine">The line of the file <paramref name="text"/> starts on (a record read on its own from a stream).</param>
    public static List<DelimitedRecord>? Parse(string file, string text, char separator, List<InputError> errors, int firstLine = 1)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is '\r' or '\n')
        {
            end--;
        }
        if (end > 0 && text[end - 1] == EndOfFileMark)
        {
            end--;
        }
        var stops = SearchValues.Create(separator, '\r', '\n', '"', EndOfFileMark);
        var records = new List<DelimitedRecord>();
        var fields = new List<string>();
        var quoted = new StringBuilder();
        var line = firstLine;
        var lineStart = 0;
        var recordLine = firstLine;
        var i = 0;
        while (i < end)
        {
            string field;
            if (text[i] == '"')
            {
                var openLine = line;
                quoted.Clear();
                i++;
                while (true)
                {
                    var close = text.AsSpan(i, end - i).IndexOf('"');
                    if (close < 0)
                    {
                        errors.Add(Error(file, openLine, 0, "a quoted field is never closed (is the file truncated?)"));
                        return null;
                    }
                    var chunk = text.AsSpan(i, close);
                    var newlines = chunk.Count('\n');
                    if (newlines > 0)
                    {
                        line += newlines;
                        lineStart = i + chunk.LastIndexOf('\n') + 1;
                    }
                    quoted.Append(chunk);
                    i += close + 1;
                    if (i < end && text[i] == '"')
                    {
                        quoted.Append('"');
                        i++;
                        continue;
                    }
                    break;
                }
                if (i < end && text[i] != separator && text[i] != '\r' && text[i] != '\n')
                {
                    errors.Add(Error(file, line, i - lineStart + 1, $"unexpected '{Printable(text[i])}' after a closing quote (a quote inside a quoted field must be doubled)"));
                    return null;
                }
                field = quoted.ToString();
            }
            else
            {
                var length = text.AsSpan(i, end - i).IndexOfAny(stops);
                length = length < 0 ? end - i : length;
                var stop = i + length < end ? text[i + length] : separator;
                if (stop == '"')
                {
                    errors.Add(Error(file, line, i + length - lineStart + 1, "a quote inside an unquoted field (a field holding quotes must be quoted)"));
                    return null;
                }
                if (stop == EndOfFileMark)
                {
                    errors.Add(Error(file, line, i + length - lineStart + 1, "a DOS end-of-file mark (0x1A) before the end of the file (are two files joined?)"));
                    return null;
                }
                field = text.Substring(i, length);
                i += length;
            }
            fields.Add(field);
            if (i < end && text[i] == separator)
            {
                i++;
                if (i == end)
                {
                    fields.Add("");
                }
                continue;
            }
            // End of record: CRLF, LF, a lone CR, or the end of the text.
            if (!(fields is [""]))
            {
                records.Add(new DelimitedRecord(recordLine, [.. fields]));
            }
            fields.Clear();
            if (i < end && text[i] == '\r')
            {
                i++;
            }
            if (i < end && text[i] == '\n')
            {
                i++;
            }
            line++;
            lineStart = i;
            recordLine = line;
        }
        if (fields.Count > 0)
        {
            // The last record ended with a separator and no line break.
            records.Add(new DelimitedRecord(recordLine, [.. fields]));
        }
        return records;
    }

    private static InputError Error(string file, int line, int column, string message) =>
        new(new SourcePosition(file, line, column).ToString(), message);

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
