using System.Text;

namespace Reticle.Bench.Quality;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, newlines in quotes) for the reference fixtures; '#' lines are comments.</summary>
internal static class Csv
{
    public static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        string[]? header = null;
        foreach (var fields in Records(reader))
        {
            if (fields.Count == 0 || (fields.Count == 1 && fields[0].Length == 0) || fields[0].StartsWith('#'))
            {
                continue;
            }
            if (header is null)
            {
                header = [.. fields];
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : "";
            }
            yield return row;
        }
    }

    /// <summary>Rows of a file without a header, as field lists.</summary>
    public static IEnumerable<List<string>> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(ch);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return fields;
        }
    }
}
