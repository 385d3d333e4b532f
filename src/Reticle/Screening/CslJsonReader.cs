using System.Collections.Immutable;
using System.Text.Json;
using Reticle.Input;

namespace Reticle.Screening;

/// <summary>
/// Reads list entries from the trade.gov Consolidated Screening List JSON (<c>{"results": [...]}</c>).
/// Entity List entries are tagged <c>EL</c>; other sources keep their short code where the CSL gives
/// one in parentheses ("Denied Persons List (DPL) - Bureau of Industry and Security" is DPL).
/// </summary>
public static class CslJsonReader
{
    public static IReadOnlyList<ListEntry> Read(string file, string json, List<InputError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new InputError(file, "expected an object with a 'results' array (CSL consolidated.json shape)"));
                return [];
            }
            var entries = new List<ListEntry>();
            var i = 0;
            foreach (var e in results.EnumerateArray())
            {
                var where = $"{file}: results[{i++}]";
                if (Text(e, "name") is not { Length: > 0 } name || Text(e, "source") is not { } source)
                {
                    errors.Add(new InputError(where, "an entry needs 'name' and 'source'"));
                    continue;
                }
                var requirement = Text(e, "license_requirement");
                entries.Add(new ListEntry(
                    ListCode(source),
                    Text(e, "id") ?? Text(e, "entity_number") ?? $"row-{i}",
                    name,
                    Strings(e, "alt_names"),
                    e.TryGetProperty("addresses", out var addresses) && addresses.ValueKind == JsonValueKind.Array
                        ? [.. addresses.EnumerateArray().Select(a => Text(a, "country")).OfType<string>().Distinct()]
                        : [],
                    requirement,
                    Text(e, "license_policy"),
                    Text(e, "federal_register_notice")));
            }
            return errors.Count == 0 ? entries : [];
        }
        catch (JsonException e)
        {
            errors.Add(new InputError($"{file}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}", $"malformed JSON: {e.Message}"));
            return [];
        }
    }

    private static string ListCode(string source)
    {
        var open = source.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : source.IndexOf(')', open);
        return close > open + 1 ? source[(open + 1)..close] : source;
    }

    private static string? Text(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableArray<string> Strings(JsonElement e, string key) =>
        e.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
