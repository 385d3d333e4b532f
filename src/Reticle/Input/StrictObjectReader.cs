using System.Text.Json;
using NodaTime;
using Reticle.Model;

namespace Reticle.Input;

/// <summary>
/// Reads the fields of one JSON object, reporting each problem with its JSON path, and rejecting fields it was not
/// asked about (<see cref="RejectUnknown"/>) with the nearest known name: a misspelt optional field ("validUntill",
/// "item.orgin") would otherwise be dropped silently and a decision rest on a fact the user believes they gave.
/// The one reader of transactions, licences, orders and API bodies (CONTRACT §2, "Nothing is silently ignored").
/// </summary>
/// <remarks>
/// Text must say something: empty or blank text is reported, not read as absent. Use
/// <see cref="OptionalTextOrEmpty"/> for the few fields where empty text is a value of its own.
/// </remarks>
public sealed class StrictObjectReader(string path, JsonElement json, List<InputError> errors)
{
    /// <summary>The field where the user keeps their own data: any JSON, kept with the record, never read by rules.</summary>
    public const string ExtensionsField = "extensions";

    /// <summary>Ids are stored and indexed: beyond this length they are refused rather than failing in the database.</summary>
    public const int MaxIdLength = 200;

    // The names asked for, each once, and how many of them the object has: when that is all of its fields, none is unknown,
    // and the names of the fields need not be made. An object has a handful of fields, so a short list is searched.
    private readonly List<string> _asked = new(16);
    private int _present;

    public string Path => path;

    public List<InputError> Errors => errors;

    public string PathOf(string key) => $"{path}.{key}";

    public void Error(string key, string message) => errors.Add(new InputError(PathOf(key), message));

    public bool Has(string key) => Get(key) is not null;

    /// <summary>
    /// Reports every field of the object that no read asked for, with the nearest known name
    /// (<c>item.orgin: unknown field; did you mean 'origin'?</c>).
    /// </summary>
    public void RejectUnknown(params string[] alsoKnown)
    {
        foreach (var name in alsoKnown)
        {
            Asked(name, json.TryGetProperty(name, out _));
        }
        if (_present == json.GetPropertyCount())
        {
            return;
        }
        foreach (var property in json.EnumerateObject())
        {
            if (!_asked.Contains(property.Name))
            {
                errors.Add(new InputError(PathOf(property.Name), NearestName.UnknownMessage("field", property.Name, _asked)));
            }
        }
    }

    /// <summary>
    /// Accepts <see cref="ExtensionsField"/>: any JSON the user keeps with the record. Nothing reads it; it is accepted
    /// so that a user's own data has a place that is not a misspelt field.
    /// </summary>
    public void AllowExtensions() => Asked(ExtensionsField, json.TryGetProperty(ExtensionsField, out _));

    /// <summary>The <see cref="ExtensionsField"/> as given (its JSON text), for records that keep it; null when absent.</summary>
    public string? Extensions() => Get(ExtensionsField) is { } value ? value.GetRawText() : null;

    private JsonElement? Get(string key)
    {
        var present = json.TryGetProperty(key, out var value);
        Asked(key, present);
        return present && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private void Asked(string key, bool present)
    {
        foreach (var asked in _asked)
        {
            if (string.Equals(asked, key, StringComparison.Ordinal))
            {
                return;
            }
        }
        _asked.Add(key);
        _present += present ? 1 : 0;
    }

    public string? RequiredString(string key)
    {
        if (Get(key) is not { } value)
        {
            Error(key, "missing required field");
            return null;
        }
        return AsText(key, value);
    }

    public string? OptionalString(string key) => Get(key) is { } value ? AsText(key, value) : null;

    /// <summary>Optional text where empty text is a value (a free-text field left blank), not an error.</summary>
    public string? OptionalTextOrEmpty(string key)
    {
        if (Get(key) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        Error(key, $"must be text, not {Kind(value)}");
        return null;
    }

    /// <summary>An identifier: non-empty text of at most <see cref="MaxIdLength"/> characters, without control characters.</summary>
    public string? RequiredId(string key)
    {
        if (RequiredString(key) is not { } id)
        {
            return null;
        }
        if (id.Length > MaxIdLength)
        {
            Error(key, $"an id is at most {MaxIdLength} characters, not {id.Length:N0}");
            return null;
        }
        if (id.Any(char.IsControl))
        {
            Error(key, "an id must not contain control characters (tabs, line breaks, NUL)");
            return null;
        }
        return id;
    }

    private string? AsText(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(key, $"must be text, not {Kind(value)}");
            return null;
        }
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(key, "must not be empty");
            return null;
        }
        return text;
    }

    public LocalDate? RequiredDate(string key) => RequiredString(key) is { } text ? Date(key, text) : null;

    public LocalDate? OptionalDate(string key) => OptionalString(key) is { } text ? Date(key, text) : null;

    private LocalDate? Date(string key, string text)
    {
        if (InputDate.Parse(text, out var error) is { } date)
        {
            return date;
        }
        Error(key, error!);
        return null;
    }

    public CountryCode? RequiredCountry(string key) => RequiredString(key) is { } text ? Country(key, text) : null;

    public CountryCode? OptionalCountry(string key) => OptionalString(key) is { } text ? Country(key, text) : null;

    private CountryCode? Country(string key, string text)
    {
        if (CountryCode.TryParse(text, out var code))
        {
            return code;
        }
        Error(key, $"unknown country code '{Shown(text)}' (ISO 3166-1 alpha-2 expected, e.g. NL, CN, MO, HK, TW)");
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

    /// <summary>A knowledge fact: <c>yes</c>, <c>no</c> or <c>unknown</c> (never read as <c>no</c>).</summary>
    public Knowledge? OptionalKnowledge(string key)
    {
        if (Get(key) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && KnowledgeNames.TryParse(value.GetString(), out var knowledge))
        {
            return knowledge;
        }
        Error(key, $"a knowledge fact is \"yes\", \"no\" or \"unknown\", not {Kind(value)}");
        return null;
    }

    public decimal? OptionalNumber(string key)
    {
        if (Get(key) is not { } value)
        {
            return null;
        }
        return Number(PathOf(key), value, errors);
    }

    /// <summary>A JSON number as a decimal; one beyond decimal's range (<c>1e309</c>) is reported, not turned into infinity.</summary>
    public static decimal? Number(string where, JsonElement value, List<InputError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetDecimal(out var number))
            {
                return number;
            }
            errors.Add(new InputError(where, $"the number {Shown(value.GetRawText())} is out of range (at most 28 significant digits, magnitude below 7.9e28)"));
            return null;
        }
        errors.Add(new InputError(where, $"must be a number, not {Kind(value)}"));
        return null;
    }

    public int? OptionalInteger(string key)
    {
        if (Get(key) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }
        Error(key, $"must be a whole number, not {Kind(value)}");
        return null;
    }

    public JsonElement? RequiredObject(string key)
    {
        if (Get(key) is not { } value)
        {
            Error(key, "missing required field");
            return null;
        }
        return AsObject(key, value);
    }

    public JsonElement? OptionalObject(string key) => Get(key) is { } value ? AsObject(key, value) : null;

    /// <summary>A strict reader of the object under <paramref name="key"/>, or null if absent (or not an object: reported).</summary>
    public StrictObjectReader? OptionalReader(string key) =>
        OptionalObject(key) is { } value ? new StrictObjectReader(PathOf(key), value, errors) : null;

    public StrictObjectReader? RequiredReader(string key) =>
        RequiredObject(key) is { } value ? new StrictObjectReader(PathOf(key), value, errors) : null;

    private JsonElement? AsObject(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }
        Error(key, $"must be an object, not {Kind(value)}");
        return null;
    }

    /// <summary>The fields of this object (for maps keyed by the user: parameters, classifications), each with its path.</summary>
    public IReadOnlyList<(string Path, string Name, JsonElement Value)> Fields()
    {
        var fields = new List<(string, string, JsonElement)>();
        foreach (var property in json.EnumerateObject())
        {
            Asked(property.Name, true);
            fields.Add((PathOf(property.Name), property.Name, property.Value));
        }
        return fields;
    }

    /// <summary>The array's elements, or none (with an error if present and not an array).</summary>
    public IReadOnlyList<JsonElement> OptionalArray(string key)
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

    public IReadOnlyList<JsonElement>? RequiredArray(string key)
    {
        if (!Has(key))
        {
            Error(key, "missing required field");
            return null;
        }
        return OptionalArray(key);
    }

    /// <summary>Each element of an array that must hold objects, as a strict reader whose path carries its index.</summary>
    public IReadOnlyList<StrictObjectReader> Objects(string key, string what)
    {
        var elements = OptionalArray(key);
        var readers = new List<StrictObjectReader>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var where = $"{PathOf(key)}[{i}]";
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                errors.Add(new InputError(where, $"a {what} must be an object, not {Kind(elements[i])}"));
                continue;
            }
            readers.Add(new StrictObjectReader(where, elements[i], errors));
        }
        return readers;
    }

    /// <summary>Each element as text, with its index in the path of any error.</summary>
    public IReadOnlyList<(string Path, string Text)> Strings(IReadOnlyList<JsonElement> elements, string key)
    {
        var result = new List<(string, string)>();
        for (var i = 0; i < elements.Count; i++)
        {
            var where = $"{PathOf(key)}[{i}]";
            if (elements[i].ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(elements[i].GetString()))
            {
                result.Add((where, elements[i].GetString()!));
            }
            else
            {
                errors.Add(new InputError(where, $"must be non-empty text, not {Kind(elements[i])}"));
            }
        }
        return result;
    }

    /// <summary>An optional array of non-empty texts.</summary>
    public IReadOnlyList<string> OptionalStrings(string key) => [.. Strings(OptionalArray(key), key).Select(s => s.Text)];

    /// <summary>An amount of money: <c>{"amount", "currency"}</c>, the amount not negative, the currency ISO 4217.</summary>
    public Money? OptionalMoney(string key)
    {
        if (OptionalReader(key) is not { } money)
        {
            return null;
        }
        var amount = money.OptionalNumber("amount");
        if (amount is null && !money.Has("amount"))
        {
            money.Error("amount", "missing required field");
        }
        else if (amount < 0)
        {
            money.Error("amount", $"must not be negative, not {amount}");
            amount = null;
        }
        var currency = money.RequiredString("currency");
        if (currency is not null && !Money.IsKnownCurrency(currency))
        {
            money.Error("currency", $"unknown currency '{Shown(currency)}' (ISO 4217 code expected, e.g. EUR, USD, JPY)");
            currency = null;
        }
        money.RejectUnknown();
        return amount is null || currency is null ? null : new Money(amount.Value, currency);
    }

    /// <summary>How a rejection describes a value that has the wrong type (long text cut short).</summary>
    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"\"{Shown(e.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shown(e.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => "null",
    };

    // A rejection repeats what was given, but not a megabyte of it.
    private static string Shown(string text) => text.Length <= 80 ? text : $"{text[..80]}… ({text.Length:N0} characters)";
}
