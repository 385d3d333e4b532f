using System.Text.Json;
using Reticle.Input;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// The body of <c>POST /screenings</c>: <c>{"name", "country", "type", "threshold", "limit", "lists", "mode"}</c>, or
/// <c>{"parties": [{"id", "name", "country", "type"}, ...], "threshold", "limit", "lists", "mode"}</c>. Strict:
/// an unknown field or a bad value is an error naming its path.
/// </summary>
internal sealed record ScreeningRequest(IReadOnlyList<(string? Id, ScreeningQuery Query)> Queries, bool Batch, double Threshold)
{
    public const int MaxParties = 10_000;
    private const string Root = "body";
    private static readonly HashSet<string> Settings = ["threshold", "limit", "lists", "mode"];
    private static readonly HashSet<string> PartyFields = ["id", "name", "country", "type"];

    public static ScreeningRequest? Read(string text, List<InputError> errors)
    {
        // Strict parsing: a key given twice ({"name": "Huawei", "name": "Acme"}) would otherwise screen the last.
        if (StrictJson.Parse(Root, text, 32, errors) is not { } root)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(Root, "expected a JSON object"));
            return null;
        }
        var batch = root.TryGetProperty("parties", out var parties);
        foreach (var property in root.EnumerateObject())
        {
            var known = Settings.Contains(property.Name) || (batch ? property.Name == "parties" : PartyFields.Contains(property.Name) && property.Name != "id");
            if (!known)
            {
                errors.Add(new InputError($"{Root}.{property.Name}", batch && PartyFields.Contains(property.Name)
                    ? "give a party's fields inside \"parties\", or a single name without \"parties\""
                    : NearestName.UnknownMessage("field", property.Name, batch ? [.. Settings, "parties"] : [.. Settings, .. PartyFields.Where(f => f != "id")])));
            }
        }
        var threshold = Number(root, "threshold", errors);
        if (threshold is < 0 or > 1)
        {
            errors.Add(new InputError($"{Root}.threshold", "must be between 0 and 1"));
        }
        var limit = Number(root, "limit", errors);
        if (limit is not null && (limit < 1 || limit > 100 || limit != Math.Floor(limit.Value)))
        {
            errors.Add(new InputError($"{Root}.limit", "must be a whole number from 1 to 100"));
        }
        var mode = Text(root, Root, "mode", errors) switch
        {
            null or "reticle" => ScoringMode.Reticle,
            "ofac" => ScoringMode.Ofac,
            var other => Error<ScoringMode>(errors, $"{Root}.mode", $"'{other}' is not one of reticle, ofac"),
        };
        IReadOnlySet<string>? lists = null;
        if (root.TryGetProperty("lists", out var listsElement))
        {
            if (listsElement.ValueKind != JsonValueKind.Array || listsElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                errors.Add(new InputError($"{Root}.lists", "expected an array of list codes (EL, SDN, DPL, UN...)"));
            }
            else if (listsElement.GetArrayLength() > 0)
            {
                lists = listsElement.EnumerateArray().Select(e => e.GetString()!.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            }
        }
        var queries = new List<(string?, ScreeningQuery)>();
        if (batch)
        {
            if (parties.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new InputError($"{Root}.parties", "expected an array of parties"));
            }
            else if (parties.GetArrayLength() is 0 or > MaxParties)
            {
                errors.Add(new InputError($"{Root}.parties", $"expected 1 to {MaxParties:N0} parties"));
            }
            else
            {
                var i = 0;
                foreach (var party in parties.EnumerateArray())
                {
                    var where = $"{Root}.parties[{i++}]";
                    if (party.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new InputError(where, "expected an object with a name"));
                        continue;
                    }
                    foreach (var property in party.EnumerateObject().Where(p => !PartyFields.Contains(p.Name)))
                    {
                        errors.Add(new InputError($"{where}.{property.Name}", NearestName.UnknownMessage("field", property.Name, PartyFields)));
                    }
                    var id = Text(party, where, "id", errors);
                    if (Party(party, where, errors) is { } q)
                    {
                        queries.Add((id, q));
                    }
                }
            }
        }
        else if (Party(root, Root, errors) is { } q)
        {
            queries.Add((null, q));
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var effective = threshold ?? (mode == ScoringMode.Ofac ? ScreeningIndex.DefaultOfacThreshold : ScreeningIndex.DefaultThreshold);
        return new ScreeningRequest(
            queries.Select(x => (x.Item1, x.Item2 with { Threshold = threshold, Limit = (int)(limit ?? 10), Lists = lists, Mode = mode })).ToList(),
            batch, effective);
    }

    private static ScreeningQuery? Party(JsonElement party, string where, List<InputError> errors)
    {
        var count = errors.Count;
        var name = Text(party, where, "name", errors);
        if (name is null && errors.Count == count)
        {
            errors.Add(new InputError($"{where}.name", "missing required field"));
        }
        else if (name is { Length: 0 or > 1000 })
        {
            errors.Add(new InputError($"{where}.name", "must be 1 to 1,000 characters"));
        }
        var country = Text(party, where, "country", errors);
        if (country is not null && !CountryCode.TryParse(country, out _))
        {
            errors.Add(new InputError($"{where}.country", $"unknown country code '{country}' (ISO 3166-1 alpha-2 expected)"));
        }
        var typeText = Text(party, where, "type", errors);
        var type = PartyType.Unknown;
        if (typeText is not null && !PartyTypeNames.TryParse(typeText, out type))
        {
            errors.Add(new InputError($"{where}.type", $"'{typeText}' is not one of entity, individual, vessel, aircraft"));
        }
        return errors.Count == count ? new ScreeningQuery(name!, country?.ToUpperInvariant(), type) : null;
    }

    private static string? Text(JsonElement obj, string where, string field, List<InputError> errors)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputError($"{where}.{field}", "expected a string"));
            return null;
        }
        return value.GetString();
    }

    private static double? Number(JsonElement obj, string field, List<InputError> errors)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new InputError($"{Root}.{field}", "expected a number"));
            return null;
        }
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            // 1e309 is a JSON number but no finite double.
            errors.Add(new InputError($"{Root}.{field}", $"the number {value.GetRawText()} is out of range"));
            return null;
        }
        return number;
    }

    private static T Error<T>(List<InputError> errors, string where, string message) where T : struct
    {
        errors.Add(new InputError(where, message));
        return default;
    }
}
