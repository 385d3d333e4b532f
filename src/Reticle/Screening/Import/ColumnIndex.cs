using System.Collections.Frozen;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// The columns of a delimited file with a header row, found by name (case and surrounding space
/// ignored), so that files whose publisher added, dropped or reordered columns still read.
/// </summary>
internal sealed class ColumnIndex
{
    private readonly FrozenDictionary<string, int> _byName;

    private ColumnIndex(DelimitedRecord header)
    {
        Header = header;
        _byName = header.Fields
            .Select((name, i) => (Name: name.Trim(), Index: i))
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First().Index, StringComparer.OrdinalIgnoreCase);
    }

    public DelimitedRecord Header { get; }

    public int Count => Header.Fields.Length;

    /// <summary>The header's columns, or null (with an error on the header line) if a required one is missing.</summary>
    public static ColumnIndex? Read(string file, DelimitedRecord header, IReadOnlyList<string> required, List<InputError> errors)
    {
        var index = new ColumnIndex(header);
        var missing = required.Where(name => !index._byName.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new InputError(new SourcePosition(file, header.Line).ToString(),
                $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} (header has: {string.Join(", ", header.Fields)})"));
            return null;
        }
        return index;
    }

    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>The field of the named column, trimmed; null when the column is absent or the field empty.</summary>
    public string? Get(DelimitedRecord record, string name) =>
        _byName.TryGetValue(name, out var i) && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;
}
