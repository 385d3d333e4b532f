using System.Collections.Immutable;
using System.Text.Json;
using Reticle.Model;

namespace Reticle.Input;

/// <summary>
/// Reads transactions (CONTRACT §2) from JSON text: one object, an array, or JSON Lines. Every
/// problem is reported with the file and the JSON path (or line and column for malformed JSON),
/// and nothing is returned unless everything is valid, so a bad batch changes nothing.
/// </summary>
public static class TransactionReader
{
    /// <summary>Inputs beyond this size are refused before parsing.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public static TransactionInput Read(string file, string text, List<InputError> errors)
    {
        if (text.Length > MaxBytes)
        {
            errors.Add(new InputError(file, $"input is {text.Length:N0} characters; the limit is {MaxBytes:N0}"));
            return TransactionInput.None;
        }
        var parsed = Split(file, text, errors);
        try
        {
            return Read(file, [.. parsed.Select(p => (p.Where, p.Document.RootElement))], errors);
        }
        finally
        {
            foreach (var (_, document) in parsed)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>
    /// Reads transactions from JSON the caller has already parsed (one object or an array of them), with paths rooted
    /// at <paramref name="where"/>; the caller keeps the document alive until this returns.
    /// </summary>
    public static TransactionInput Read(string where, JsonElement json, List<InputError> errors) =>
        StrictJson.Check(where, json, errors) ? Read(where, [(where, json)], errors) : TransactionInput.None;

    private static TransactionInput Read(string file, List<(string Where, JsonElement Element)> documents, List<InputError> errors)
    {
        var result = new List<Transaction>();
        var places = new List<string>();
        foreach (var (where, element) in documents)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    ReadOne($"{where}[{i++}]", item, result, places, errors);
                }
            }
            else
            {
                ReadOne(where, element, result, places, errors);
            }
        }
        foreach (var duplicate in result.GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new InputError(file, $"transaction id '{duplicate.Key}' occurs {duplicate.Count()} times; ids must be unique in one input"));
        }
        if (result.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(file, "no transaction found (expected a JSON object, an array of objects, or JSON Lines)"));
        }
        var single = documents is [{ Element.ValueKind: JsonValueKind.Object }];
        return errors.Count == 0 ? new TransactionInput(result, single) { Places = places } : TransactionInput.None;
    }

    // The documents are the caller's to dispose, once it has read what it needs from them.
    private static List<(string Where, JsonDocument Document)> Split(string file, string text, List<InputError> errors)
    {
        var documents = new List<(string, JsonDocument)>();
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || !LooksLikeJsonLines(text))
        {
            if (StrictJson.ParseDocument(file, text, MaxDepth, errors) is { } single)
            {
                documents.Add((file, single));
            }
            return documents;
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            if (StrictJson.ParseDocument($"{file}:{i + 1}", lines[i], MaxDepth, errors, file, i) is { } line)
            {
                documents.Add(($"{file}:{i + 1}", line));
            }
        }
        return documents;
    }

    internal const int MaxDepth = 64;

    // JSON Lines: several non-blank lines, each of which is a complete object on its own. Looked at line by line
    // without splitting: a pretty-printed object fails on its first line.
    private static bool LooksLikeJsonLines(string text)
    {
        var lines = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.IsEmpty)
            {
                continue;
            }
            if (line[0] != '{' || line[^1] != '}')
            {
                return false;
            }
            lines++;
        }
        return lines > 1;
    }

    internal static void ReadOne(string where, JsonElement json, List<Transaction> result, List<string> places, List<InputError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(where, $"a transaction must be a JSON object, not {StrictObjectReader.Kind(json)}"));
            return;
        }
        var before = errors.Count;
        var r = new StrictObjectReader(where, json, errors);
        var id = r.RequiredId("id");
        var date = r.RequiredDate("date");
        var activityText = r.RequiredString("activity");
        Activity activity = default;
        if (activityText is not null && !ActivityNames.TryParse(activityText, out activity))
        {
            r.Error("activity", $"unknown activity '{activityText}' (known: {string.Join(", ", ActivityNames.All)})");
        }
        var from = r.RequiredCountry("from");
        var to = r.RequiredCountry("to");
        var item = r.RequiredReader("item") is { } itemReader ? ReadItem(itemReader) : null;
        var quantity = r.OptionalNumber("quantity");
        if (quantity is <= 0)
        {
            r.Error("quantity", $"quantity must be greater than zero, not {quantity}");
        }
        var value = r.OptionalMoney("value");
        var parties = ReadParties(r);
        var endUse = ReadEndUse(r);
        var personnel = ReadPersonnel(r);
        r.AllowExtensions();
        r.RejectUnknown();
        if (errors.Count > before || id is null || date is null || from is null || to is null || item is null)
        {
            return;
        }
        places.Add(where);
        result.Add(new Transaction
        {
            Id = id,
            Date = date.Value,
            Activity = activity,
            From = from.Value,
            To = to.Value,
            Item = item,
            Quantity = quantity ?? 1,
            Value = value,
            Parties = parties,
            EndUse = endUse,
            Personnel = personnel,
            SourceJson = json.GetRawText(),
        });
    }

    private static Item ReadItem(StrictObjectReader item)
    {
        var parameters = ImmutableDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (where, name, value) in item.OptionalReader("parameters")?.Fields() ?? [])
        {
            // Which names the rules can use is known only to the rule set: ParameterRegistry.RejectUnknown checks them.
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    if (StrictObjectReader.Number(where, value, item.Errors) is { } number)
                    {
                        parameters[name] = ParameterValue.Of(number);
                    }
                    break;
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                    parameters[name] = ParameterValue.Of(value.GetString()!);
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    item.Errors.Add(new InputError(where, $"a parameter is a number or a word, not {StrictObjectReader.Kind(value)}"));
                    break;
            }
        }
        var classifications = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (where, jurisdiction, value) in item.OptionalReader("classifications")?.Fields() ?? [])
        {
            if (jurisdiction != "EU" && !CountryCode.TryParse(jurisdiction, out _))
            {
                item.Errors.Add(new InputError(where, "a classification is keyed by jurisdiction: a country code such as US, NL, JP, or EU"));
            }
            else if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                classifications[jurisdiction] = value.GetString()!;
            }
            else
            {
                item.Errors.Add(new InputError(where, $"a classification is text such as \"3B001.f.1.b\", not {StrictObjectReader.Kind(value)}"));
            }
        }
        var content = item.OptionalNumber("usControlledContentPercent");
        if (content is < 0 or > 100)
        {
            item.Error("usControlledContentPercent", $"must be between 0 and 100, not {content}");
        }
        var containsUsOriginIc = item.OptionalBool("containsUsOriginIc");
        ImmutableArray<string> usOriginIcEccns = item.Has("usOriginIcEccns") ? [.. item.OptionalStrings("usOriginIcEccns")] : default;
        if (containsUsOriginIc == false && !usOriginIcEccns.IsDefaultOrEmpty)
        {
            item.Error("usOriginIcEccns", "lists US-origin integrated circuits, but containsUsOriginIc is false");
        }
        var read = new Item
        {
            Sku = item.OptionalString("sku"),
            Description = item.OptionalString("description"),
            Origin = item.OptionalCountry("origin"),
            Parameters = parameters.ToImmutable(),
            Classifications = classifications.ToImmutable(),
            UsControlledContentPercent = content,
            UsTechnologyInputs = item.Has("usTechnologyInputs") ? [.. item.OptionalStrings("usTechnologyInputs")] : default,
            ContainsUsOriginIc = containsUsOriginIc,
            UsOriginIcEccns = usOriginIcEccns,
            ProducedByUsTechnologyPlant = item.OptionalBool("producedByUsTechnologyPlant"),
            ContainsUsTechnologyPlantProduct = item.OptionalBool("containsUsTechnologyPlantProduct"),
            SpeciallyDesignedFor = item.OptionalString("speciallyDesignedFor"),
        };
        item.RejectUnknown();
        return read;
    }

    private static ImmutableArray<Party> ReadParties(StrictObjectReader r)
    {
        var parties = ImmutableArray.CreateBuilder<Party>();
        foreach (var p in r.Objects("parties", "party"))
        {
            var roleText = p.RequiredString("role");
            PartyRole role = default;
            if (roleText is not null && !PartyRoleNames.TryParse(roleText, out role))
            {
                p.Error("role", $"unknown role '{roleText}' (known: {string.Join(", ", PartyRoleNames.All)})");
                roleText = null;
            }
            var name = p.RequiredString("name");
            var country = p.RequiredCountry("country");
            var address = p.OptionalString("address");
            var headquarters = p.OptionalCountry("headquarters");
            p.RejectUnknown();
            if (roleText is not null && name is not null && country is not null)
            {
                parties.Add(new Party(role, name, country.Value, address) { Headquarters = headquarters });
            }
        }
        return parties.ToImmutable();
    }

    private static ImmutableDictionary<string, Knowledge> ReadEndUse(StrictObjectReader r)
    {
        var facts = ImmutableDictionary.CreateBuilder<string, Knowledge>(StringComparer.Ordinal);
        if (r.OptionalReader("endUse") is not { } endUse)
        {
            return facts.ToImmutable();
        }
        // The facts rules can ask about (EndUseFacts.Known); any other name is a misspelling or a fact no rule reads.
        foreach (var fact in EndUseFacts.Known)
        {
            if (endUse.OptionalKnowledge(fact) is { } answer)
            {
                facts[fact] = answer;
            }
        }
        endUse.RejectUnknown();
        return facts.ToImmutable();
    }

    private static ImmutableArray<Person> ReadPersonnel(StrictObjectReader r)
    {
        var people = ImmutableArray.CreateBuilder<Person>();
        foreach (var p in r.Objects("personnel", "person"))
        {
            var person = new Person(p.OptionalString("name") ?? "", p.OptionalBool("usPerson"), p.OptionalCountry("nationality"))
            {
                Employer = ReadEmployer(p),
            };
            p.RejectUnknown();
            people.Add(person);
        }
        return people.ToImmutable();
    }

    private static Employer? ReadEmployer(StrictObjectReader person)
    {
        if (person.OptionalReader("employer") is not { } e)
        {
            return null;
        }
        var name = e.RequiredString("name");
        var headquarters = e.OptionalCountry("headquarters");
        var owner = e.OptionalCountry("majorityOwnerHeadquarters");
        e.RejectUnknown();
        return name is null ? null : new Employer(name, headquarters, owner);
    }
}
