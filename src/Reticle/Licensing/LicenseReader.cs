using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using Reticle.Input;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>
/// Reads licences (CONTRACT §5) and revocations from JSON, strictly: every problem is reported with
/// the file and JSON path, unknown fields included, and nothing is returned unless all is valid, so
/// a bad file records nothing.
/// </summary>
public static class LicenseReader
{
    /// <summary>Inputs beyond this size are refused before parsing.</summary>
    public const int MaxChars = 16 * 1024 * 1024;

    /// <summary>Licences from one JSON object or an array of them.</summary>
    public static IReadOnlyList<License> Read(string file, string text, List<InputError> errors)
    {
        var before = errors.Count;
        var licenses = new List<(string Where, License License)>();
        foreach (var (where, json) in Elements(file, text, "licence", errors))
        {
            if (ReadLicense(where, json, errors) is { } license)
            {
                licenses.Add((where, license));
            }
        }
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (where, license) in licenses)
        {
            if (!first.TryAdd(license.Id, where))
            {
                errors.Add(new InputError($"{where}.id", $"licence id '{license.Id}' is also at {first[license.Id]}; ids must be unique"));
            }
        }
        return errors.Count == before ? licenses.Select(l => l.License).ToList() : [];
    }

    /// <summary>
    /// Revocations (<c>{"license", "effective", "announced", "lines" | "party", "reason"}</c>, one object
    /// or an array) of licences in <paramref name="book"/>: an unknown licence or line is an error.
    /// Without <c>lines</c> or <c>party</c> the whole licence is revoked.
    /// </summary>
    public static IReadOnlyList<LicenseRevoked> ReadRevocations(string file, string text, LicenseBook book, List<InputError> errors)
    {
        var before = errors.Count;
        var result = new List<LicenseRevoked>();
        foreach (var (where, json) in Elements(file, text, "revocation", errors))
        {
            if (ReadRevocation(where, json, book, errors) is { } revocation)
            {
                result.Add(revocation);
            }
        }
        return errors.Count == before ? result : [];
    }

    private static IEnumerable<(string Where, JsonElement Json)> Elements(string file, string text, string what, List<InputError> errors)
    {
        if (text.Length > MaxChars)
        {
            errors.Add(new InputError(file, $"input is {text.Length:N0} characters; the limit is {MaxChars:N0}"));
            return [];
        }
        if (StrictJson.Parse(file, text, 32, errors) is not { } root)
        {
            return [];
        }
        var elements = root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select((e, i) => ($"{file}[{i}]", e)).ToList()
            : [(file, root)];
        if (elements.Count == 0)
        {
            errors.Add(new InputError(file, $"no {what} found (expected a JSON object or an array of objects)"));
        }
        foreach (var (where, element) in elements.Where(e => e.Item2.ValueKind != JsonValueKind.Object))
        {
            errors.Add(new InputError(where, $"a {what} must be a JSON object, not {StrictObjectReader.Kind(element)}"));
        }
        return elements.Where(e => e.Item2.ValueKind == JsonValueKind.Object);
    }

    private static License? ReadLicense(string where, JsonElement json, List<InputError> errors)
    {
        var before = errors.Count;
        var r = new StrictObjectReader(where, json, errors);
        var id = r.RequiredId("id");
        var kind = LicenseKind.Individual;
        if (r.OptionalString("kind") is { } kindText && !LicenseKindNames.TryParse(kindText, out kind))
        {
            r.Error("kind", $"unknown kind '{kindText}' (known: individual, general-authorization)");
        }
        var general = kind == LicenseKind.GeneralAuthorization;
        var jurisdiction = r.RequiredString("jurisdiction");
        if (jurisdiction is not null && !IsJurisdiction(jurisdiction))
        {
            r.Error("jurisdiction", $"unknown jurisdiction '{jurisdiction}' (a country code such as NL, JP, US, or EU)");
        }
        var holder = general ? r.OptionalString("holder") : r.RequiredString("holder");
        var validFrom = r.RequiredDate("validFrom");
        // A general authorisation may stand until further notice; an individual licence always ends.
        var validUntil = general ? r.OptionalDate("validUntil") : r.RequiredDate("validUntil");
        var issued = r.OptionalDate("issued") ?? validFrom;
        EffectivePeriod? validity = null;
        if (validFrom is { } from)
        {
            if (validUntil is { } until && until < from)
            {
                r.Error("validUntil", $"valid until {EffectivePeriod.Format(until)} is before valid from {EffectivePeriod.Format(from)}");
            }
            else
            {
                // The licence states its last valid day; the period ends the day after.
                validity = EffectivePeriod.Create(from, validUntil?.PlusDays(1));
            }
        }
        if (validity is not null && issued is { } i && validUntil is { } last && i > last)
        {
            r.Error("issued", $"issued {EffectivePeriod.Format(i)} after its last valid day {EffectivePeriod.Format(last)}");
        }
        var destinations = ReadDestinations(r);
        var parties = ReadParties(r);
        var lines = ReadLines(r, general);
        var conditions = r.Strings(r.OptionalArray("conditions"), "conditions").Select(c => c.Text).ToImmutableArray();
        var extensions = r.Extensions();
        r.RejectUnknown();
        if (errors.Count > before || id is null || jurisdiction is null || issued is null || validity is null)
        {
            return null;
        }
        return new License
        {
            Id = id,
            Kind = kind,
            Jurisdiction = jurisdiction,
            Holder = holder,
            Issued = issued.Value,
            Validity = validity,
            Destinations = destinations,
            Parties = parties,
            Lines = lines,
            Conditions = conditions,
            Extensions = extensions,
        };
    }

    /// <summary>A jurisdiction as determinations name it: a country, or the EU for the Dual-Use Regulation.</summary>
    private static bool IsJurisdiction(string text) => text == "EU" || CountryCode.TryParse(text, out _);

    private static ImmutableArray<CountryCode> ReadDestinations(StrictObjectReader r)
    {
        if (r.RequiredArray("destinations") is not { } elements)
        {
            return [];
        }
        if (elements.Count == 0)
        {
            r.Error("destinations", "must list at least one destination country");
        }
        var result = ImmutableArray.CreateBuilder<CountryCode>();
        foreach (var (where, text) in r.Strings(elements, "destinations"))
        {
            if (CountryCode.TryParse(text, out var code))
            {
                if (!result.Contains(code))
                {
                    result.Add(code);
                }
            }
            else
            {
                r.Errors.Add(new InputError(where, $"unknown country code '{text}' (ISO 3166-1 alpha-2 expected, e.g. NL, CN, MO, HK, TW)"));
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<LicenseParty> ReadParties(StrictObjectReader r)
    {
        var result = ImmutableArray.CreateBuilder<LicenseParty>();
        var elements = r.OptionalArray("parties");
        for (var i = 0; i < elements.Count; i++)
        {
            var where = $"{r.PathOf("parties")}[{i}]";
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                r.Errors.Add(new InputError(where, $"a party must be an object, not {StrictObjectReader.Kind(elements[i])}"));
                continue;
            }
            var p = new StrictObjectReader(where, elements[i], r.Errors);
            var roleText = p.RequiredString("role");
            var role = default(PartyRole);
            var known = roleText is not null && PartyRoleNames.TryParse(roleText, out role);
            if (roleText is not null && !known)
            {
                p.Error("role", $"unknown role '{roleText}' (known: {string.Join(", ", PartyRoleNames.All)})");
            }
            var name = p.RequiredString("name");
            p.RejectUnknown();
            if (known && name is not null)
            {
                result.Add(new LicenseParty(role, name));
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<LicenseLine> ReadLines(StrictObjectReader r, bool general)
    {
        if (r.RequiredArray("lines") is not { } elements)
        {
            return [];
        }
        if (elements.Count == 0)
        {
            r.Error("lines", "must list at least one line");
        }
        var result = ImmutableArray.CreateBuilder<LicenseLine>();
        for (var i = 0; i < elements.Count; i++)
        {
            var where = $"{r.PathOf("lines")}[{i}]";
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                r.Errors.Add(new InputError(where, $"a line must be an object, not {StrictObjectReader.Kind(elements[i])}"));
                continue;
            }
            if (ReadLine(new StrictObjectReader(where, elements[i], r.Errors), i + 1, general) is { } line)
            {
                result.Add(line);
            }
        }
        return result.ToImmutable();
    }

    private static LicenseLine? ReadLine(StrictObjectReader l, int number, bool general)
    {
        var before = l.Errors.Count;
        LicenseItemCriteria? criteria = null;
        if (l.RequiredObject("item") is { } itemJson)
        {
            var item = new StrictObjectReader(l.PathOf("item"), itemJson, l.Errors);
            criteria = new LicenseItemCriteria(item.OptionalString("sku"), item.OptionalString("classification"), item.OptionalString("description"));
            item.RejectUnknown();
            if (criteria is { Sku: null, Classification: null, Description: null } && l.Errors.Count == before)
            {
                l.Error("item", "must give at least one of sku, classification, description (a line for every item would license anything)");
            }
        }
        var quantity = l.OptionalNumber("quantity");
        if (quantity is <= 0)
        {
            l.Error("quantity", $"must be greater than zero, not {quantity}");
        }
        var value = l.OptionalMoney("value");
        if (value is { Amount: <= 0 })
        {
            l.Errors.Add(new InputError($"{l.PathOf("value")}.amount", $"must be greater than zero, not {value.Amount}"));
        }
        if (general && (l.Has("quantity") || l.Has("value")))
        {
            l.Error(l.Has("quantity") ? "quantity" : "value", "a general authorization has no quantity or value limit");
        }
        else if (!general && !l.Has("quantity") && !l.Has("value"))
        {
            l.Error("quantity", "missing: an individual licence line limits quantity, value or both");
        }
        l.RejectUnknown();
        return l.Errors.Count > before || criteria is null ? null : new LicenseLine(number, criteria, quantity, value);
    }

    private static LicenseRevoked? ReadRevocation(string where, JsonElement json, LicenseBook book, List<InputError> errors)
    {
        var before = errors.Count;
        var r = new StrictObjectReader(where, json, errors);
        var id = r.RequiredString("license");
        var effective = r.RequiredDate("effective");
        var announced = r.RequiredDate("announced");
        var reason = r.OptionalString("reason");
        var party = r.OptionalString("party");
        var lineElements = r.OptionalArray("lines");
        var lines = new List<(string Where, int Number)>();
        for (var i = 0; i < lineElements.Count; i++)
        {
            if (lineElements[i].ValueKind == JsonValueKind.Number && lineElements[i].TryGetInt32(out var n) && n >= 1)
            {
                lines.Add(($"{r.PathOf("lines")}[{i}]", n));
            }
            else
            {
                errors.Add(new InputError($"{r.PathOf("lines")}[{i}]", $"a line number is a whole number from 1, not {StrictObjectReader.Kind(lineElements[i])}"));
            }
        }
        if (r.Has("lines") && lineElements.Count == 0)
        {
            r.Error("lines", "must name at least one line (leave it out to revoke the whole licence)");
        }
        if (party is not null && r.Has("lines"))
        {
            r.Error("party", "a revocation is of lines or for a party, not both");
        }
        r.RejectUnknown();
        if (errors.Count > before || id is null || effective is null || announced is null)
        {
            return null;
        }
        if (book.History(id) is not { } history)
        {
            r.Error("license", $"unknown licence '{id}'");
            return null;
        }
        var terms = history.TermsOn(effective.Value, null);
        foreach (var (lineWhere, n) in lines.Where(l => terms.Line(l.Number) is null))
        {
            errors.Add(new InputError(lineWhere, $"{id} has no line {n} (lines 1..{terms.Lines.Length})"));
        }
        if (errors.Count > before)
        {
            return null;
        }
        var scope = party is not null ? RevocationScope.ForParty(party)
            : lines.Count > 0 ? RevocationScope.ForLines(lines.Select(l => l.Number))
            : RevocationScope.Whole;
        var revocation = new LicenseRevoked(id, scope, effective.Value, announced.Value, reason);
        if (book.Check(revocation) is { } error)
        {
            r.Error(party is not null ? "party" : "license", error);
            return null;
        }
        return revocation;
    }
}
