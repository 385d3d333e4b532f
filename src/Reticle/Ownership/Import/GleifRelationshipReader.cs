using System.Collections.Immutable;
using NodaTime;
using Reticle.Input;
using Reticle.Model;
using Reticle.Screening.Import;

namespace Reticle.Ownership.Import;

/// <summary>
/// Reads GLEIF Level 2 relationship records in the Golden Copy CSV form (RR-CDF 2.1 flattened: <c>Relationship.StartNode.NodeID</c>,
/// <c>Relationship.EndNode.NodeID</c>, <c>Relationship.RelationshipType</c>, <c>Relationship.RelationshipStatus</c>,
/// <c>Relationship.Period.N.startDate|endDate|periodType</c>, <c>Relationship.Quantifiers.N.MeasurementMethod|QuantifierAmount|QuantifierUnits</c>,
/// <c>Registration.*</c>), with the Level 1 LEI records (Golden Copy CSV: <c>LEI</c>, <c>Entity.LegalName</c>,
/// <c>Entity.LegalAddress.Country</c>) for the names and countries the relationship file does not carry. All or nothing.
/// </summary>
/// <remarks>
/// <para>The start node is the child, the end node the parent. <c>IS_DIRECTLY_CONSOLIDATED_BY</c> is a stake of the parent in
/// the child; its share is the quantifier in <c>PERCENTAGE</c> units where one is given, else not stated (accounting
/// consolidation implies control, not a 50 % equity share, so the 50 % line is then a missing fact, never assumed).
/// <c>IS_INTERNATIONAL_BRANCH_OF</c>: a branch is its head office's own legal person, read as a 100 % stake.
/// <c>IS_ULTIMATELY_CONSOLIDATED_BY</c> is derived from the direct links (counting it as well would add the same ownership
/// twice), and fund relationships (<c>IS_FUND-MANAGED_BY</c>, <c>IS_SUBFUND_OF</c>, <c>IS_FEEDER_TO</c>) are management, not
/// ownership: those rows are counted in <see cref="GleifRead.Skipped"/> and reported, not read.</para>
/// <para>Dates: the <c>RELATIONSHIP_PERIOD</c>'s start is <c>from</c> (absent: held since an unstated date) and its end is
/// <c>until</c>; an <c>INACTIVE</c> relationship without an end date ended by its record's <c>Registration.LastUpdateDate</c>.</para>
/// </remarks>
public static class GleifRelationshipReader
{
    private const string Child = "Relationship.StartNode.NodeID";
    private const string ChildType = "Relationship.StartNode.NodeIDType";
    private const string Parent = "Relationship.EndNode.NodeID";
    private const string ParentType = "Relationship.EndNode.NodeIDType";
    private const string Type = "Relationship.RelationshipType";
    private const string Status = "Relationship.RelationshipStatus";
    private const string LastUpdate = "Registration.LastUpdateDate";

    private static readonly string[] Required = [Child, Parent, Type, Status];

    public static GleifRead Read(string file, string text, string leiFile, string leiText, List<InputError> errors)
    {
        var before = errors.Count;
        var names = ReadLeiRecords(leiFile, leiText, errors);
        var records = DelimitedText.Parse(file, text, ',', errors);
        if (records is null || errors.Count > before)
        {
            return GleifRead.Empty;
        }
        if (records.Count == 0)
        {
            errors.Add(new InputError($"{file}:1", $"the file is empty; expected a GLEIF relationship record header ({string.Join(",", Required)}, ...)"));
            return GleifRead.Empty;
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        foreach (var unknown in header.Where(h => !h.StartsWith("Relationship.", StringComparison.Ordinal) && !h.StartsWith("Registration.", StringComparison.Ordinal)))
        {
            errors.Add(new InputError($"{file}:1", $"unknown column '{unknown}': a GLEIF relationship record file has only Relationship.* and Registration.* columns"));
        }
        foreach (var missing in Required.Where(r => !header.Contains(r)))
        {
            errors.Add(new InputError($"{file}:1", $"the header has no '{missing}' column"));
        }
        if (errors.Count > before)
        {
            return GleifRead.Empty;
        }
        var column = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var stakes = new List<Stake>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (where, record) in DelimitedText.Rows(file, records, errors))
        {
            string Field(string name) => column.TryGetValue(name, out var i) ? record.Fields[i].Trim() : "";
            var rowErrors = errors.Count;
            void Bad(string field, string message) => errors.Add(new InputError($"{where}: {field}", message));

            var type = Field(Type);
            var percentIsKnown = false;
            switch (type)
            {
                case "IS_DIRECTLY_CONSOLIDATED_BY":
                    break;
                case "IS_INTERNATIONAL_BRANCH_OF":
                    percentIsKnown = true;
                    break;
                case "IS_ULTIMATELY_CONSOLIDATED_BY" or "IS_FUND-MANAGED_BY" or "IS_SUBFUND_OF" or "IS_FEEDER_TO":
                    skipped[type] = skipped.GetValueOrDefault(type) + 1;
                    continue;
                default:
                    Bad(Type, $"'{type}' is not a GLEIF relationship type");
                    continue;
            }
            foreach (var (idType, what) in new[] { (ChildType, "start node"), (ParentType, "end node") })
            {
                if (column.ContainsKey(idType) && Field(idType) is { Length: > 0 } t && t != "LEI")
                {
                    Bad(idType, $"the {what} is identified by '{t}', not an LEI");
                }
            }
            var child = Field(Child);
            var parent = Field(Parent);
            foreach (var (lei, field) in new[] { (child, Child), (parent, Parent) })
            {
                if (lei.Length == 0)
                {
                    Bad(field, "is empty");
                }
                else if (!names.ContainsKey(lei))
                {
                    Bad(field, $"LEI {lei} is not in the LEI records file {leiFile} (its name and country are needed to screen it)");
                }
            }
            var status = Field(Status);
            if (status is not ("ACTIVE" or "INACTIVE"))
            {
                Bad(Status, $"'{status}' is neither ACTIVE nor INACTIVE");
            }
            LocalDate? from = null, until = null;
            for (var n = 1; column.ContainsKey($"Relationship.Period.{n}.periodType"); n++)
            {
                if (Field($"Relationship.Period.{n}.periodType") != "RELATIONSHIP_PERIOD")
                {
                    continue;
                }
                from = Date(Field($"Relationship.Period.{n}.startDate"), $"Relationship.Period.{n}.startDate", Bad);
                until = Date(Field($"Relationship.Period.{n}.endDate"), $"Relationship.Period.{n}.endDate", Bad);
            }
            if (status == "INACTIVE" && until is null)
            {
                until = Date(Field(LastUpdate), LastUpdate, Bad);
                if (until is null && errors.Count == rowErrors)
                {
                    Bad(Status, "INACTIVE without a relationship end date or a Registration.LastUpdateDate: when it ended is not known");
                }
            }
            if (from is { } f && until is { } u && u <= f)
            {
                Bad("Relationship.Period", $"ends ({Time.EffectivePeriod.Format(u)}) on or before it starts ({Time.EffectivePeriod.Format(f)})");
            }
            decimal? percent = percentIsKnown ? 100m : null;
            for (var n = 1; column.ContainsKey($"Relationship.Quantifiers.{n}.QuantifierUnits"); n++)
            {
                if (Field($"Relationship.Quantifiers.{n}.QuantifierUnits") == "PERCENTAGE")
                {
                    percent = OwnershipCsvReader.Percent(Field($"Relationship.Quantifiers.{n}.QuantifierAmount"), (_, m) => Bad($"Relationship.Quantifiers.{n}.QuantifierAmount", m));
                }
            }
            if (child.Length > 0 && child == parent)
            {
                Bad(Parent, $"LEI {child} is its own parent");
            }
            if (errors.Count > rowErrors)
            {
                continue;
            }
            var validation = Field("Registration.ValidationSources");
            var updated = Field(LastUpdate);
            var source = $"GLEIF RR {child} {type} {parent}{(validation.Length > 0 ? $", {validation}" : "")}{(updated.Length >= 10 ? $", updated {updated[..10]}" : "")}";
            var (parentName, parentCountry) = names[parent];
            var (childName, childCountry) = names[child];
            stakes.Add(new Stake(parentName, parentCountry, childName, childCountry, percent, from, until, source));
        }
        return errors.Count > before ? GleifRead.Empty : new GleifRead(stakes, skipped.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    // "2012-11-29T00:00:00Z", "2021-01-01T01:00:00+01:00": the calendar day as written.
    private static LocalDate? Date(string text, string field, Action<string, string> bad) =>
        text.Length == 0 ? null : OwnershipCsvReader.Date(text.Length >= 10 ? text[..10] : text, field, required: false, bad);

    private static Dictionary<string, (string Name, CountryCode? Country)> ReadLeiRecords(string file, string text, List<InputError> errors)
    {
        var names = new Dictionary<string, (string, CountryCode?)>(StringComparer.Ordinal);
        var records = DelimitedText.Parse(file, text, ',', errors);
        if (records is null || records.Count == 0)
        {
            if (records is not null)
            {
                errors.Add(new InputError($"{file}:1", "the LEI records file is empty; expected the GLEIF Level 1 header (LEI, Entity.LegalName, Entity.LegalAddress.Country, ...)"));
            }
            return names;
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var (lei, name, country) = (header.IndexOf("LEI"), header.IndexOf("Entity.LegalName"), header.IndexOf("Entity.LegalAddress.Country"));
        foreach (var (missing, at) in new[] { ("LEI", lei), ("Entity.LegalName", name), ("Entity.LegalAddress.Country", country) })
        {
            if (at < 0)
            {
                errors.Add(new InputError($"{file}:1", $"the LEI records header has no '{missing}' column"));
            }
        }
        if (lei < 0 || name < 0 || country < 0)
        {
            return names;
        }
        foreach (var (where, record) in DelimitedText.Rows(file, records, errors))
        {
            var code = record.Fields[lei].Trim();
            var legalName = record.Fields[name].Trim();
            if (code.Length == 0 || legalName.Length == 0)
            {
                errors.Add(new InputError(where, code.Length == 0 ? "LEI is empty" : "Entity.LegalName is empty"));
                continue;
            }
            var c = record.Fields[country].Trim();
            CountryCode? countryCode = CountryCode.TryParse(c, out var parsed) ? parsed : null;
            if (countryCode is null && c.Length > 0)
            {
                errors.Add(new InputError($"{where}: Entity.LegalAddress.Country", $"'{c}' is not an ISO 3166-1 alpha-2 country code"));
                continue;
            }
            if (!names.TryAdd(code, (legalName, countryCode)))
            {
                errors.Add(new InputError(where, $"LEI {code} is given twice"));
            }
        }
        return names;
    }
}

/// <summary>What a GLEIF relationship file gave: the stakes, and how many rows of each type not read as ownership.</summary>
public sealed record GleifRead(IReadOnlyList<Stake> Stakes, ImmutableSortedDictionary<string, int> Skipped)
{
    public static GleifRead Empty { get; } = new([], ImmutableSortedDictionary<string, int>.Empty);
}
