using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads the trade.gov Consolidated Screening List JSON (<c>{"results": [...]}</c>, format <c>csl-json</c>):
/// both the live file with every field (addresses with street and city, ids, dates, nationalities…) and
/// the compact copy that keeps only names, sources, countries and the Entity List terms. Each entry's
/// list is the short code in its source's parentheses (EL, SDN, DPL…), its full source kept as ListName.
/// The results array is walked with a reader that knows byte offsets, so every error names a line.
/// </summary>
public static class CslJsonReader
{
    private const string Dataset = "us-csl";

    /// <summary>The entries of one CSL JSON text (every list in it), or none if anything is wrong.</summary>
    public static IReadOnlyList<ListEntry> Read(string file, string json, List<InputError> errors) =>
        ListImporter.Read(ListFormat.CslJson.Id, [new ListFile(file, Encoding.UTF8.GetBytes(json))], errors)?.Entries ?? [];

    internal static ListContent? Read(ListFile file, List<InputError> errors)
    {
        if (!ListText.IsUtf8(file, errors))
        {
            return null;
        }
        ReadOnlySpan<byte> bytes = file.Content;
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var lines = new LineCounter(file.Content, bom);
        var reader = new Utf8JsonReader(bytes[bom..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var entries = new List<SourcedEntry>();
        LocalDate? updated = null;
        LocalDate? searched = null;
        var sawResults = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new InputError(lines.At(file.Name, bom + (int)reader.TokenStartIndex).ToString(),
                    "expected an object with a 'results' array (the CSL consolidated.json shape)"));
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("results"))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        errors.Add(new InputError(lines.At(file.Name, bom + (int)reader.TokenStartIndex).ToString(), "'results' must be an array of entries"));
                        return null;
                    }
                    sawResults = true;
                    var i = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var at = lines.At(file.Name, bom + (int)reader.TokenStartIndex, $"results[{i++}]");
                        using var element = JsonDocument.ParseValue(ref reader);
                        if (Entry(element.RootElement, at, errors) is { } entry)
                        {
                            entries.Add(new SourcedEntry(entry, at));
                        }
                    }
                }
                else if (reader.ValueTextEquals("sources_used"))
                {
                    reader.Read();
                    using var sources = JsonDocument.ParseValue(ref reader);
                    updated = LatestUpdate(sources.RootElement);
                }
                else if (reader.ValueTextEquals("search_performed_at"))
                {
                    reader.Read();
                    searched = reader.TokenType == JsonTokenType.String ? DateOf(reader.GetString()) : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            errors.Add(new InputError($"{file.Name}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}",
                $"malformed JSON (is the file truncated?): {FirstSentence(e.Message)}"));
            return null;
        }
        if (!sawResults)
        {
            errors.Add(new InputError(file.Name, "no 'results' array (expected the CSL consolidated.json shape)"));
            return null;
        }
        return new ListContent(Dataset, updated ?? searched, entries);
    }

    private static ListEntry? Entry(JsonElement e, SourcePosition at, List<InputError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(at.ToString(), "an entry must be a JSON object"));
            return null;
        }
        if (Text(e, "name") is not { } name || Text(e, "source") is not { } source)
        {
            errors.Add(new InputError(at.ToString(), "an entry needs 'name' and 'source'"));
            return null;
        }
        var addresses = e.TryGetProperty("addresses", out var a) && a.ValueKind == JsonValueKind.Array ? a : default;
        var id = Text(e, "id") ?? Text(e, "_id");
        return new CslRecord(source, name)
        {
            Id = id,
            EntityNumber = Text(e, "entity_number"),
            Type = Text(e, "type"),
            Programs = Strings(e, "programs"),
            AltNames = Strings(e, "alt_names"),
            Countries =
            [
                .. addresses.ValueKind == JsonValueKind.Array
                    ? addresses.EnumerateArray().Select(address => Text(address, "country")).OfType<string>()
                    : [],
                .. Strings(e, "nationalities"),
                .. Strings(e, "citizenships"),
            ],
            AddressText = id is null && addresses.ValueKind == JsonValueKind.Array ? addresses.GetRawText() : null,
            FederalRegister = Text(e, "federal_register_notice"),
            LicenseRequirement = Text(e, "license_requirement"),
            LicensePolicy = Text(e, "license_policy"),
            Remarks = Strings(e, "remarks") is { Length: > 0 } remarks ? string.Join("; ", remarks) : null,
            StartDate = Text(e, "start_date"),
        }.ToEntry();
    }

    // The generation date of the file: the newest 'source_last_updated' of the lists it merges.
    private static LocalDate? LatestUpdate(JsonElement sources) =>
        sources.ValueKind == JsonValueKind.Array
            ? sources.EnumerateArray().Select(s => DateOf(Text(s, "source_last_updated"))).Max()
            : null;

    private static LocalDate? DateOf(string? timestamp) =>
        timestamp is { Length: >= 10 } && LocalDatePattern.Iso.Parse(timestamp[..10]) is { Success: true } parsed ? parsed.Value : null;

    /// <summary>A string or number field, trimmed; null when absent, null or empty.</summary>
    private static string? Text(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>An array of strings, or one string of '; '-separated values (older files print lists so).</summary>
    private static ImmutableArray<string> Strings(JsonElement e, string key)
    {
        if (!e.TryGetProperty(key, out var value))
        {
            return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0)],
            JsonValueKind.String => [.. value.GetString()!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            _ => [],
        };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>Line and byte-in-line of increasing byte offsets, counted once through the file.</summary>
    private sealed class LineCounter(byte[] content, int start)
    {
        private int _offset = start;
        private int _line = 1;
        private int _lineStart = start;

        public SourcePosition At(string file, int offset, string? path = null)
        {
            if (offset > _offset)
            {
                var span = content.AsSpan(_offset, Math.Min(offset, content.Length) - _offset);
                var newlines = span.Count((byte)'\n');
                if (newlines > 0)
                {
                    _line += newlines;
                    _lineStart = _offset + span.LastIndexOf((byte)'\n') + 1;
                }
                _offset = offset;
            }
            return new SourcePosition(file, _line, offset - _lineStart + 1, path);
        }
    }
}
