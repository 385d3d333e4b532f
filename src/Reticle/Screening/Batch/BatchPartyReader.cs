using Reticle.Input;
using Reticle.Model;
using Reticle.Screening.Import;

namespace Reticle.Screening.Batch;

/// <summary>
/// Reads a batch screening CSV (CONTRACT §1: header row; columns <c>id,name</c>, optional <c>country,type</c>,
/// in any order). All or nothing: every problem is reported with its line, and no row is screened from a
/// file that has one, so a batch is never half done.
/// </summary>
public static class BatchPartyReader
{
    public static IReadOnlyList<BatchParty> Read(string file, string text, List<InputError> errors)
    {
        var before = errors.Count;
        var records = DelimitedText.Parse(file, text, ',', errors);
        if (records is null)
        {
            return [];
        }
        if (records.Count == 0)
        {
            errors.Add(new InputError($"{file}:1", "the file is empty; expected a header row with id,name[,country,type]"));
            return [];
        }
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (id, name, country, type) = (Column("id"), Column("name"), Column("country"), Column("type"));
        foreach (var missing in new[] { ("id", id), ("name", name) }.Where(c => c.Item2 < 0))
        {
            errors.Add(new InputError($"{file}:1", $"the header has no '{missing.Item1}' column (found: {string.Join(",", header)})"));
        }
        if (errors.Count > before)
        {
            return [];
        }
        var parties = new List<BatchParty>(records.Count - 1);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            string? Field(int index) => index >= 0 && index < record.Fields.Length && record.Fields[index].Trim() is { Length: > 0 } v ? v : null;
            var where = $"{file}:{record.Line}";
            if (record.Fields.Length != header.Count)
            {
                errors.Add(new InputError(where, $"{record.Fields.Length} fields where the header has {header.Count}"));
                continue;
            }
            var rowId = Field(id);
            var rowName = Field(name);
            if (rowId is null || rowName is null)
            {
                errors.Add(new InputError(where, rowId is null ? "'id' is empty" : "'name' is empty"));
                continue;
            }
            if (!ids.TryAdd(rowId, record.Line))
            {
                errors.Add(new InputError(where, $"id '{rowId}' is used again (first on line {ids[rowId]})"));
                continue;
            }
            string? rowCountry = null;
            if (Field(country) is { } c)
            {
                if (!CountryCode.TryParse(c, out var code))
                {
                    errors.Add(new InputError(where, $"'{c}' is not an ISO 3166-1 alpha-2 country code"));
                    continue;
                }
                rowCountry = code.Value;
            }
            var rowType = PartyType.Unknown;
            if (Field(type) is { } t && !PartyTypeNames.TryParse(t, out rowType))
            {
                errors.Add(new InputError(where, $"type '{t}' is not one of entity, individual, vessel, aircraft"));
                continue;
            }
            parties.Add(new BatchParty(record.Line, rowId, rowName, rowCountry, rowType));
        }
        return errors.Count > before ? [] : parties;
    }
}
