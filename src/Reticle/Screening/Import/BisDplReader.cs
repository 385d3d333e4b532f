using System.Globalization;
using NodaTime.Text;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads BIS's Denied Persons List (format <c>bis-dpl</c>): tab-separated, every field quoted, a header
/// row (Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date,
/// Standard_Order, Last_Update, Action, FR_Citation), one row per person and address. The list has no
/// ids, so each row gets one derived from its name, address and effective date. The file repeats a
/// few rows word for word; such a repeat is the same entry and is read once, while two different rows
/// with the same id are an error like any duplicate.
/// </summary>
internal static class BisDplReader
{
    private const string ListName = "Denied Persons List (DPL) - Bureau of Industry and Security";

    private static readonly string[] Required = ["Name", "Street_Address", "City", "Country", "Effective_Date", "FR_Citation"];

    private static readonly LocalDatePattern UsDate = LocalDatePattern.Create("MM/dd/yyyy", CultureInfo.InvariantCulture);

    public static ListContent? Read(ListFile file, List<InputError> errors)
    {
        if (ListText.Decode(file, errors) is not { } text || DelimitedText.Parse(file.Name, text, '\t', errors) is not { } records)
        {
            return null;
        }
        if (records.Count == 0 || ColumnIndex.Read(file.Name, records[0], Required, errors) is not { } columns)
        {
            return null;
        }
        var entries = new List<SourcedEntry>();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            var at = new SourcePosition(file.Name, record.Line);
            if (record.Fields.Length != columns.Count)
            {
                errors.Add(new InputError(at.ToString(), $"{record.Fields.Length} fields where the header has {columns.Count} columns"));
                continue;
            }
            if (columns.Get(record, "Name") is not { } name)
            {
                errors.Add(new InputError(at.ToString(), "a row needs a Name"));
                continue;
            }
            var effective = columns.Get(record, "Effective_Date");
            var id = DerivedIds.From("DPL", name, columns.Get(record, "Street_Address"), columns.Get(record, "City"),
                columns.Get(record, "State"), columns.Get(record, "Country"), columns.Get(record, "Postal_Code"), effective);
            var row = string.Join('\t', record.Fields);
            if (rows.TryGetValue(id, out var seen) && seen == row)
            {
                continue;
            }
            rows.TryAdd(id, row);
            string?[] remarks =
            [
                effective is null ? null : $"effective {IsoDate(effective)}",
                columns.Get(record, "Expiration_Date") is { } expires ? $"expires {IsoDate(expires)}" : null,
                columns.Get(record, "Action"),
            ];
            entries.Add(new SourcedEntry(
                new ListEntry("DPL", id, name, [], CountryNames.ToCode(columns.Get(record, "Country")) is { } country ? [country] : [],
                    null, null, columns.Get(record, "FR_Citation"))
                {
                    ListName = ListName,
                    Remarks = string.Join("; ", remarks.OfType<string>()) is { Length: > 0 } remark ? remark : null,
                },
                at));
        }
        return new ListContent("bis-dpl", null, entries);
    }

    // BIS prints 06/19/2003; Reticle writes dates as ISO. A date that does not parse stays as printed.
    private static string IsoDate(string printed) =>
        UsDate.Parse(printed) is { Success: true } parsed ? LocalDatePattern.Iso.Format(parsed.Value) : printed;
}
