using Reticle.Input;
using Reticle.Model;
using Reticle.Screening.Import;

namespace Reticle.Screening.Batch;

/// <summary>
/// Where the columns of a batch screening CSV are (CONTRACT §1: <c>id,name</c>, optional <c>country,type</c>, in any
/// order), and how one row becomes a party: shared by the reader that holds the file and the one that streams it.
/// </summary>
internal sealed class BatchColumns
{
    private readonly int _count;
    private readonly int _id;
    private readonly int _name;
    private readonly int _country;
    private readonly int _type;

    private BatchColumns(int count, int id, int name, int country, int type) => (_count, _id, _name, _country, _type) = (count, id, name, country, type);

    /// <summary>The columns the header names, or null (with an error naming the line) if it lacks <c>id</c> or <c>name</c>.</summary>
    public static BatchColumns? Of(string file, DelimitedRecord header, List<InputError> errors)
    {
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => names.IndexOf(name);
        var (id, name, country, type) = (Column("id"), Column("name"), Column("country"), Column("type"));
        var before = errors.Count;
        foreach (var missing in new[] { ("id", id), ("name", name) }.Where(c => c.Item2 < 0))
        {
            errors.Add(new InputError($"{file}:{header.Line}", $"the header has no '{missing.Item1}' column (found: {string.Join(",", names)})"));
        }
        return errors.Count > before ? null : new BatchColumns(names.Count, id, name, country, type);
    }

    /// <summary>The party a row names, or null with an error naming its line. Duplicate ids are the caller's to find.</summary>
    public BatchParty? Row(string file, DelimitedRecord record, List<InputError> errors)
    {
        string? Field(int index) => index >= 0 && index < record.Fields.Length && record.Fields[index].Trim() is { Length: > 0 } v ? v : null;
        var where = $"{file}:{record.Line}";
        if (record.Fields.Length != _count)
        {
            errors.Add(new InputError(where, $"{record.Fields.Length} fields where the header has {_count}"));
            return null;
        }
        var rowId = Field(_id);
        var rowName = Field(_name);
        if (rowId is null || rowName is null)
        {
            errors.Add(new InputError(where, rowId is null ? "'id' is empty" : "'name' is empty"));
            return null;
        }
        string? rowCountry = null;
        if (Field(_country) is { } c)
        {
            if (!CountryCode.TryParse(c, out var code))
            {
                errors.Add(new InputError(where, $"'{c}' is not an ISO 3166-1 alpha-2 country code"));
                return null;
            }
            rowCountry = code.Value;
        }
        var rowType = PartyType.Unknown;
        if (Field(_type) is { } t && !PartyTypeNames.TryParse(t, out rowType))
        {
            errors.Add(new InputError(where, $"type '{t}' is not one of entity, individual, vessel, aircraft"));
            return null;
        }
        return new BatchParty(record.Line, rowId, rowName, rowCountry, rowType);
    }
}
