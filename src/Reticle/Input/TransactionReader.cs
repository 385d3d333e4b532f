using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
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
        return Read(file, Split(file, text, errors), errors);
    }

    /// <summary>
    /// Reads transactions from JSON the caller has already parsed (one object or an array of them), with paths rooted
    /// at <paramref name="where"/>; the caller keeps the document alive until this returns.
    /// </summary>
    public static TransactionInput Read(string where, JsonElement json, List<InputError> errors) => Read(where, [(where, json)], errors);

    private static TransactionInput Read(string file, List<(string Where, JsonElement Element)> documents, List<InputError> errors)
    {
        var result = new List<Transaction>();
        foreach (var (where, element) in documents)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    ReadOne($"{where}[{i++}]", item, result, errors);
                }
            }
            else
            {
                ReadOne(where, element, result, errors);
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
        return errors.Count == 0 ? new TransactionInput(result, single) : TransactionInput.None;
    }

    private static List<(string Where, JsonElement Element)> Split(string file, string text, List<InputError> errors)
    {
        var documents = new List<(string, JsonElement)>();
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || !LooksLikeJsonLines(text))
        {
            if (Parse(file, text, 0, errors) is { } single)
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
            if (Parse(file, lines[i], i, errors) is { } line)
            {
                documents.Add(($"{file}:{i + 1}", line));
            }
        }
        return documents;
    }

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

    private static JsonElement? Parse(string file, string text, int lineOffset, List<InputError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1 + lineOffset;
            var column = (e.BytePositionInLine ?? 0) + 1;
            errors.Add(new InputError($"{file}:{line}:{column}", $"malformed JSON: {FirstSentence(e.Message)}"));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static void ReadOne(string where, JsonElement json, List<Transaction> result, List<InputError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(where, $"a transaction must be a JSON object, not {Kind(json)}"));
            return;
        }
        var before = errors.Count;
        var r = new ObjectReader(where, json, errors);
        var id = r.RequiredString("id");
        var date = r.RequiredDate("date");
        var activityText = r.RequiredString("activity");
        Activity activity = default;
        if (activityText is not null && !ActivityNames.TryParse(activityText, out activity))
        {
            r.Error("activity", $"unknown activity '{activityText}' (known: {string.Join(", ", ActivityNames.All)})");
        }
        var from = r.RequiredCountry("from");
        var to = r.RequiredCountry("to");
        var item = ReadItem(r, errors);
        var quantity = r.OptionalNumber("quantity");
        if (quantity is <= 0)
        {
            r.Error("quantity", $"quantity must be greater than zero, not {quantity}");
        }
        var value = ReadMoney(r, "value");
        var parties = ReadParties(r, errors);
        var endUse = ReadEndUse(r);
        var personnel = ReadPersonnel(r, errors);
        if (errors.Count > before || id is null || date is null || from is null || to is null || item is null)
        {
            return;
        }
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

    private static Item? ReadItem(ObjectReader r, List<InputError> errors)
    {
        if (r.RequiredObject("item") is not { } itemJson)
        {
            return null;
        }
        var item = new ObjectReader(r.PathOf("item"), itemJson, errors);
        var parameters = ImmutableDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        if (item.OptionalObject("parameters") is { } p)
        {
            foreach (var property in p.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Number:
                        parameters[property.Name] = ParameterValue.Of(property.Value.GetDecimal());
                        break;
                    case JsonValueKind.String:
                        parameters[property.Name] = ParameterValue.Of(property.Value.GetString()!);
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        errors.Add(new InputError($"{item.PathOf("parameters")}.{property.Name}", $"a parameter is a number or a word, not {Kind(property.Value)}"));
                        break;
                }
            }
        }
        var classifications = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (item.OptionalObject("classifications") is { } c)
        {
            foreach (var property in c.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    classifications[property.Name] = property.Value.GetString()!;
                }
                else
                {
                    errors.Add(new InputError($"{item.PathOf("classifications")}.{property.Name}", $"a classification is text such as \"3B001.f.1.b\", not {Kind(property.Value)}"));
                }
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
        return new Item
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
    }

    private static Money? ReadMoney(ObjectReader r, string key)
    {
        if (r.OptionalObject(key) is not { } json)
        {
            return null;
        }
        var money = new ObjectReader(r.PathOf(key), json, r.Errors);
        var amount = money.OptionalNumber("amount");
        var currency = money.RequiredString("currency");
        if (amount is null)
        {
            money.Error("amount", "missing required field");
        }
        else if (amount < 0)
        {
            money.Error("amount", $"must not be negative, not {amount}");
        }
        if (currency is not null && !Money.IsKnownCurrency(currency))
        {
            money.Error("currency", $"unknown currency '{currency}' (ISO 4217 code expected, e.g. EUR, USD, JPY)");
        }
        return amount is null || currency is null ? null : new Money(amount.Value, currency);
    }

    private static ImmutableArray<Party> ReadParties(ObjectReader r, List<InputError> errors)
    {
        var parties = ImmutableArray.CreateBuilder<Party>();
        var i = 0;
        foreach (var json in r.OptionalArray("parties"))
        {
            var where = $"{r.PathOf("parties")}[{i++}]";
            if (json.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new InputError(where, $"a party must be an object, not {Kind(json)}"));
                continue;
            }
            var p = new ObjectReader(where, json, errors);
            var roleText = p.RequiredString("role");
            PartyRole role = default;
            if (roleText is not null && !PartyRoleNames.TryParse(roleText, out role))
            {
                p.Error("role", $"unknown role '{roleText}' (known: {string.Join(", ", PartyRoleNames.All)})");
                roleText = null;
            }
            var name = p.RequiredString("name");
            if (name is { Length: 0 } || name is not null && string.IsNullOrWhiteSpace(name))
            {
                p.Error("name", "must not be empty");
                name = null;
            }
            var country = p.RequiredCountry("country");
            var address = p.OptionalString("address");
            var headquarters = p.OptionalCountry("headquarters");
            if (roleText is not null && name is not null && country is not null)
            {
                parties.Add(new Party(role, name, country.Value, address) { Headquarters = headquarters });
            }
        }
        return parties.ToImmutable();
    }

    private static ImmutableDictionary<string, Knowledge> ReadEndUse(ObjectReader r)
    {
        var facts = ImmutableDictionary.CreateBuilder<string, Knowledge>(StringComparer.Ordinal);
        if (r.OptionalObject("endUse") is not { } json)
        {
            return facts.ToImmutable();
        }
        foreach (var property in json.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            if (KnowledgeNames.TryParse(text, out var k))
            {
                facts[property.Name] = k;
            }
            else
            {
                r.Errors.Add(new InputError($"{r.PathOf("endUse")}.{property.Name}", $"a knowledge fact is \"yes\", \"no\" or \"unknown\", not {Kind(property.Value)}"));
            }
        }
        return facts.ToImmutable();
    }

    private static ImmutableArray<Person> ReadPersonnel(ObjectReader r, List<InputError> errors)
    {
        var people = ImmutableArray.CreateBuilder<Person>();
        var i = 0;
        foreach (var json in r.OptionalArray("personnel"))
        {
            var where = $"{r.PathOf("personnel")}[{i++}]";
            if (json.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new InputError(where, $"a person must be an object, not {Kind(json)}"));
                continue;
            }
            var p = new ObjectReader(where, json, errors);
            people.Add(new Person(p.OptionalString("name") ?? "", p.OptionalBool("usPerson"), p.OptionalCountry("nationality"))
            {
                Employer = ReadEmployer(p, errors),
            });
        }
        return people.ToImmutable();
    }

    private static Employer? ReadEmployer(ObjectReader person, List<InputError> errors)
    {
        if (person.OptionalObject("employer") is not { } json)
        {
            return null;
        }
        var e = new ObjectReader(person.PathOf("employer"), json, errors);
        var name = e.RequiredString("name");
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            e.Error("name", "must not be empty");
            name = null;
        }
        var headquarters = e.OptionalCountry("headquarters");
        var owner = e.OptionalCountry("majorityOwnerHeadquarters");
        return name is null ? null : new Employer(name, headquarters, owner);
    }

    internal static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"\"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };

    /// <summary>Reads fields of one JSON object, reporting each problem with its path.</summary>
    private sealed class ObjectReader(string path, JsonElement json, List<InputError> errors)
    {
        public List<InputError> Errors => errors;

        public string PathOf(string key) => $"{path}.{key}";

        public void Error(string key, string message) => errors.Add(new InputError(PathOf(key), message));

        public bool Has(string key) => Get(key) is not null;

        private JsonElement? Get(string key) =>
            json.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        public string? RequiredString(string key)
        {
            if (Get(key) is not { } value)
            {
                Error(key, "missing required field");
                return null;
            }
            return AsString(key, value);
        }

        public string? OptionalString(string key) => Get(key) is { } value ? AsString(key, value) : null;

        private string? AsString(string key, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
            Error(key, $"must be text, not {Kind(value)}");
            return null;
        }

        public LocalDate? RequiredDate(string key)
        {
            if (RequiredString(key) is not { } text)
            {
                return null;
            }
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
            Error(key, $"'{text}' is not a valid date (YYYY-MM-DD)");
            return null;
        }

        public CountryCode? RequiredCountry(string key) =>
            RequiredString(key) is { } text ? Country(key, text) : null;

        public CountryCode? OptionalCountry(string key) =>
            OptionalString(key) is { } text ? Country(key, text) : null;

        private CountryCode? Country(string key, string text)
        {
            if (CountryCode.TryParse(text, out var code))
            {
                return code;
            }
            Error(key, $"unknown country code '{text}' (ISO 3166-1 alpha-2 expected, e.g. NL, CN, MO, HK, TW)");
            return null;
        }

        public decimal? OptionalNumber(string key)
        {
            if (Get(key) is not { } value)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }
            Error(key, $"must be a number, not {Kind(value)}");
            return null;
        }

        public bool? OptionalBool(string key)
        {
            if (Get(key) is not { } value)
            {
                return null;
            }
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }
            Error(key, $"must be true or false, not {Kind(value)}");
            return null;
        }

        public JsonElement? RequiredObject(string key)
        {
            if (Get(key) is not { } value)
            {
                Error(key, "missing required field");
                return null;
            }
            if (value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }
            Error(key, $"must be an object, not {Kind(value)}");
            return null;
        }

        public JsonElement? OptionalObject(string key)
        {
            if (Get(key) is not { } value)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Object)
            {
                return value;
            }
            Error(key, $"must be an object, not {Kind(value)}");
            return null;
        }

        public IEnumerable<JsonElement> OptionalArray(string key)
        {
            if (Get(key) is not { } value)
            {
                return [];
            }
            if (value.ValueKind == JsonValueKind.Array)
            {
                return value.EnumerateArray().ToList();
            }
            Error(key, $"must be an array, not {Kind(value)}");
            return [];
        }

        public IEnumerable<string> OptionalStrings(string key)
        {
            var result = new List<string>();
            var i = 0;
            foreach (var value in OptionalArray(key))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    result.Add(value.GetString()!);
                }
                else
                {
                    errors.Add(new InputError($"{PathOf(key)}[{i}]", $"must be text, not {Kind(value)}"));
                }
                i++;
            }
            return result;
        }
    }
}
