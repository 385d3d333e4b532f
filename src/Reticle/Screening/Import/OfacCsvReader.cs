using System.Collections.Immutable;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads OFAC's legacy CSV files (format <c>ofac-csv</c>): the primary file without a header (ent_num,
/// SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner,
/// Remarks), joined on ent_num with the aliases (ent_num, alt_num, alt_type, alt_name, alt_remarks),
/// addresses (ent_num, add_num, address, city/state/postal, country, add_remarks) and the remarks
/// overflow (ent_num, remarks continued). OFAC writes "-0-" (often with a trailing space) for an empty
/// field, "-0-" as SDN_Type for an entity, and programs as "SDGT] [SYRIA". Names stay as printed
/// ("LAST, First" for individuals): the matcher handles name order.
/// </summary>
internal static class OfacCsvReader
{
    private static readonly string[] PrimaryColumns =
        ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"];

    private static readonly string[] AliasColumns = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"];

    private static readonly string[] AddressColumns = ["ent_num", "add_num", "address", "city/state/postal", "country", "add_remarks"];

    private static readonly string[] CommentColumns = ["ent_num", "remarks"];

    public static ListContent? Read(IReadOnlyList<ListFile> files, List<InputError> errors)
    {
        if (OfacCsvFileSet.Recognise(files, errors) is not { } set || Records(set.Primary, PrimaryColumns, errors) is not { } primary)
        {
            return null;
        }
        var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var order = new List<Draft>();
        foreach (var record in primary)
        {
            var at = new SourcePosition(set.Primary.Name, record.Line);
            var f = record.Fields;
            if (EntryNumber(at, f[0], errors) is not { } number)
            {
                continue;
            }
            if (Value(f[1]) is not { } name)
            {
                errors.Add(new InputError(at.ToString(), $"entry {number} has no name"));
                continue;
            }
            var type = Value(f[2]) is { } printed ? PartyTypes.Parse(printed) : PartyType.Entity;
            if (type is null)
            {
                errors.Add(new InputError(at.ToString(), $"unknown SDN_Type '{f[2].Trim()}' (expected individual, vessel, aircraft, or -0- for an entity)"));
                continue;
            }
            var draft = new Draft(number, name, type.Value, Programs(f[3]), Value(f[11]), at);
            if (CountryNames.ToCode(Value(f[9])) is { } flag)
            {
                draft.Countries.Add(flag);
            }
            order.Add(draft);
            drafts.TryAdd(number, draft);
        }
        Join(set.Aliases, AliasColumns, drafts, errors, (draft, f) =>
        {
            if (Value(f[3]) is { } alias)
            {
                draft.AltNames.Add(alias);
            }
        });
        Join(set.Addresses, AddressColumns, drafts, errors, (draft, f) =>
        {
            if (CountryNames.ToCode(Value(f[4])) is { } country)
            {
                draft.Countries.Add(country);
            }
        });
        // The overflow continues the primary file's remarks where they were cut, mid-word if so.
        Join(set.Comments, CommentColumns, drafts, errors, (draft, f) => draft.Remarks = draft.Remarks + Value(f[1]));
        var (code, listName) = set.Consolidated
            ? ("CONS", "Consolidated Sanctions List (non-SDN) - Treasury Department")
            : ("SDN", "Specially Designated Nationals (SDN) - Treasury Department");
        return new ListContent(set.Consolidated ? "ofac-cons" : "ofac-sdn", null, [.. order.Select(d => d.ToEntry(code, listName))]);
    }

    private static void Join(ListFile? file, string[] columns, Dictionary<string, Draft> drafts, List<InputError> errors, Action<Draft, string[]> add)
    {
        if (file is null || Records(file, columns, errors) is not { } records)
        {
            return;
        }
        foreach (var record in records)
        {
            var at = new SourcePosition(file.Name, record.Line);
            if (EntryNumber(at, record.Fields[0], errors) is not { } number)
            {
                continue;
            }
            if (!drafts.TryGetValue(number, out var draft))
            {
                errors.Add(new InputError(at.ToString(), $"refers to entry {number}, which the primary file does not hold (are the files from different days?)"));
                continue;
            }
            add(draft, record.Fields);
        }
    }

    private static List<DelimitedRecord>? Records(ListFile file, string[] columns, List<InputError> errors)
    {
        if (ListText.Decode(file, errors) is not { } text || DelimitedText.Parse(file.Name, text, ',', errors) is not { } records)
        {
            return null;
        }
        var valid = true;
        foreach (var record in records.Where(r => r.Fields.Length != columns.Length))
        {
            errors.Add(new InputError(new SourcePosition(file.Name, record.Line).ToString(),
                $"{record.Fields.Length} fields where this file has {columns.Length} ({string.Join(", ", columns)})"));
            valid = false;
        }
        return valid ? records : null;
    }

    private static string? EntryNumber(SourcePosition at, string field, List<InputError> errors)
    {
        var number = field.Trim();
        if (number.Length is > 0 and <= 10 && number.All(char.IsAsciiDigit))
        {
            return number;
        }
        errors.Add(new InputError(at.ToString(), $"ent_num '{number}' is not a number"));
        return null;
    }

    /// <summary>A field's value, or null for OFAC's empty mark "-0-" (with or without its trailing space) and blanks.</summary>
    private static string? Value(string field)
    {
        var value = field.Trim();
        return value.Length == 0 || value == "-0-" ? null : value;
    }

    // "SDGT] [SYRIA" is [SDGT] [SYRIA] with its outer brackets cut off by the export.
    private static ImmutableArray<string> Programs(string field) =>
        Value(field) is { } value
            ? [.. value.Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('[', ']', ' '))]
            : [];

    /// <summary>An entry being assembled from the primary file and the files joined to it.</summary>
    private sealed class Draft(string id, string name, PartyType type, ImmutableArray<string> programs, string? remarks, SourcePosition at)
    {
        public List<string> AltNames { get; } = [];

        public List<string> Countries { get; } = [];

        public string? Remarks { get; set; } = remarks;

        public SourcedEntry ToEntry(string code, string listName) => new(
            new ListEntry(code, id, name, [.. AltNames.Distinct(StringComparer.Ordinal)], [.. Countries.Distinct(StringComparer.Ordinal)], null, null, null)
            {
                ListName = listName,
                Type = type,
                Programs = programs,
                Remarks = Remarks,
            },
            at);
    }
}
