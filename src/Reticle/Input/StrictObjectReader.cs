using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Reticle.Model;

namespace Reticle.Input;

/// <summary>
/// Reads the fields of one JSON object, reporting each problem with its JSON path, and rejecting
/// fields it was not asked about (<see cref="RejectUnknown"/>): a misspelt optional field
/// ("validUntill") would otherwise be dropped silently and a licence read as open-ended.
/// </summary>
public sealed class StrictObjectReader(string path, JsonElement json, List<InputError> errors)
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public string Path => path;

    public List<InputError> Errors => errors;

    public string PathOf(string key) => $"{path}.{key}";

    public void Error(string key, string message) => errors.Add(new InputError(PathOf(key), message));

    public bool Has(string key) => Get(key) is not null;

    /// <summary>Reports every field of the object that no read asked for, naming the fields that are known.</summary>
    public void RejectUnknown(params string[] alsoKnown)
    {
        _asked.UnionWith(alsoKnown);
        foreach (var property in json.EnumerateObject())
        {
            if (!_asked.Contains(property.Name))
            {
                errors.Add(new InputError(PathOf(property.Name), $"unknown field (known: {string.Join(", ", _asked.Order(StringComparer.Ordinal))})"));
            }
        }
    }

    private JsonElement? Get(string key)
    {
        _asked.Add(key);
        return json.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
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

    /// <summary>Text that must say something: empty or blank text is reported, not read as absent.</summary>
    private string? AsText(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(key, $"must be text, not {TransactionReader.Kind(value)}");
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
        // The ISO pattern refuses dates that do not exist (2023-02-30) as well as other shapes.
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }
        Error(key, $"'{text}' is not a valid date (YYYY-MM-DD)");
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
        Error(key, $"must be a number, not {TransactionReader.Kind(value)}");
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
        Error(key, $"must be a whole number, not {TransactionReader.Kind(value)}");
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

    private JsonElement? AsObject(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }
        Error(key, $"must be an object, not {TransactionReader.Kind(value)}");
        return null;
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
        Error(key, $"must be an array, not {TransactionReader.Kind(value)}");
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
                errors.Add(new InputError(where, $"must be non-empty text, not {TransactionReader.Kind(elements[i])}"));
            }
        }
        return result;
    }

    public Money? OptionalMoney(string key)
    {
        if (OptionalObject(key) is not { } json)
        {
            return null;
        }
        var money = new StrictObjectReader(PathOf(key), json, errors);
        var amount = money.OptionalNumber("amount");
        if (amount is null && !money.Has("amount"))
        {
            money.Error("amount", "missing required field");
        }
        var currency = money.RequiredString("currency");
        if (currency is not null && !Money.IsKnownCurrency(currency))
        {
            money.Error("currency", $"unknown currency '{currency}' (ISO 4217 code expected, e.g. EUR, USD, JPY)");
            currency = null;
        }
        money.RejectUnknown();
        return amount is null || currency is null ? null : new Money(amount.Value, currency);
    }
}
