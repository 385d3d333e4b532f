using System.Collections.Immutable;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads the trade.gov Consolidated Screening List CSV (format <c>csl-csv</c>) by its header's column
/// names: the current 29 columns with <c>_id</c> and the older 28 without. Lists inside a field are
/// separated by "; " (alt_names, programs, addresses); an address ends with its country code.
/// </summary>
internal static class CslCsvReader
{
    private static readonly string[] Required = ["source", "name"];

    public static ListContent? Read(ListFile file, List<InputError> errors)
    {
        if (ListText.Decode(file, errors) is not { } text || DelimitedText.Parse(file.Name, text, ',', errors) is not { } records)
        {
            return null;
        }
        if (records.Count == 0 || ColumnIndex.Read(file.Name, records[0], Required, errors) is not { } columns)
        {
            return null;
        }
        var entries = new List<SourcedEntry>();
        foreach (var record in records.Skip(1))
        {
            var at = new SourcePosition(file.Name, record.Line);
            if (record.Fields.Length != columns.Count)
            {
                errors.Add(new InputError(at.ToString(), $"{record.Fields.Length} fields where the header has {columns.Count} columns"));
                continue;
            }
            if (columns.Get(record, "name") is not { } name || columns.Get(record, "source") is not { } source)
            {
                errors.Add(new InputError(at.ToString(), "an entry needs 'name' and 'source'"));
                continue;
            }
            var addresses = List(columns.Get(record, "addresses"));
            var entry = new CslRecord(source, name)
            {
                Id = columns.Get(record, "_id") ?? columns.Get(record, "id"),
                EntityNumber = columns.Get(record, "entity_number"),
                Type = columns.Get(record, "type"),
                Programs = List(columns.Get(record, "programs")),
                AltNames = List(columns.Get(record, "alt_names")),
                Countries =
                [
                    .. addresses.Select(LastPart),
                    .. Codes(columns.Get(record, "nationalities")),
                    .. Codes(columns.Get(record, "citizenships")),
                ],
                AddressText = columns.Get(record, "addresses"),
                FederalRegister = columns.Get(record, "federal_register_notice"),
                LicenseRequirement = columns.Get(record, "license_requirement"),
                LicensePolicy = columns.Get(record, "license_policy"),
                Remarks = columns.Get(record, "remarks"),
                StartDate = columns.Get(record, "start_date"),
            }.ToEntry();
            entries.Add(new SourcedEntry(entry, at));
        }
        return new ListContent("us-csl", null, entries);
    }

    private static ImmutableArray<string> List(string? field) =>
        field is null ? [] : [.. field.Split("; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static IEnumerable<string> Codes(string? field) =>
        field is null ? [] : field.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // "80 SW 8th Street Suite 2000, Miami, FL, 33130, US": the country closes the address.
    private static string LastPart(string address) => address[(address.LastIndexOf(',') + 1)..].Trim();
}
