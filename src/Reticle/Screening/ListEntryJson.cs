using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Reticle.Screening;

/// <summary>
/// List entries as the store keeps them: a compact JSON array of what Reticle read from the source, so
/// that a snapshot loads without the source file and its importer (and a newer importer cannot change
/// what an older screening was made against).
/// </summary>
public static class ListEntryJson
{
    public static string Write(IEnumerable<ListEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteString("list", e.List);
                if (e.ListName != e.List)
                {
                    json.WriteString("listName", e.ListName);
                }
                json.WriteString("id", e.Id);
                json.WriteString("name", e.Name);
                if (e.Type != PartyType.Unknown)
                {
                    json.WriteString("type", e.Type.ToString().ToLowerInvariant());
                }
                Strings(json, "altNames", e.AltNames);
                Strings(json, "countries", e.Countries);
                Strings(json, "programs", e.Programs);
                Text(json, "licenseRequirement", e.LicenseRequirement);
                Text(json, "licensePolicy", e.LicensePolicy);
                Text(json, "federalRegister", e.FederalRegister);
                Text(json, "remarks", e.Remarks);
                if (e.HeldIn is { } held)
                {
                    json.WriteStartObject("heldIn");
                    json.WriteString("dataset", held.Dataset);
                    json.WriteString("published", Time.EffectivePeriod.Format(held.Published));
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="Write"/> wrote. The text comes from the store, so a malformed one is a bug, not bad input.</summary>
    public static ImmutableArray<ListEntry> Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var entries = ImmutableArray.CreateBuilder<ListEntry>(document.RootElement.GetArrayLength());
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var list = e.GetProperty("list").GetString()!;
            entries.Add(new ListEntry(
                list,
                e.GetProperty("id").GetString()!,
                e.GetProperty("name").GetString()!,
                Strings(e, "altNames"),
                Strings(e, "countries"),
                Text(e, "licenseRequirement"),
                Text(e, "licensePolicy"),
                Text(e, "federalRegister"))
            {
                ListName = Text(e, "listName") ?? list,
                Type = Text(e, "type") is { } type ? Enum.Parse<PartyType>(type, ignoreCase: true) : PartyType.Unknown,
                Programs = Strings(e, "programs"),
                Remarks = Text(e, "remarks"),
                HeldIn = e.TryGetProperty("heldIn", out var held)
                    ? new Listing.HeldInSnapshot(held.GetProperty("dataset").GetString()!,
                        NodaTime.Text.LocalDatePattern.Iso.Parse(held.GetProperty("published").GetString()!).Value)
                    : null,
            });
        }
        return entries.MoveToImmutable();
    }

    private static void Strings(Utf8JsonWriter json, string name, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static ImmutableArray<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(v => v.GetString()!)] : [];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) ? value.GetString() : null;
}
