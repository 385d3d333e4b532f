using Reticle.Input;
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
        if (BatchColumns.Of(file, records[0], errors) is not { } columns)
        {
            return [];
        }
        var parties = new List<BatchParty>(records.Count - 1);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (columns.Row(file, record, errors) is not { } party)
            {
                continue;
            }
            if (!ids.TryAdd(party.Id, record.Line))
            {
                errors.Add(new InputError($"{file}:{record.Line}", $"id '{party.Id}' is used again (first on line {ids[party.Id]})"));
                continue;
            }
            parties.Add(party);
        }
        return errors.Count > before ? [] : parties;
    }
}
