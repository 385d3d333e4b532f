using System.Buffers;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Reticle.Model;

namespace Reticle.Ownership;

/// <summary>
/// Stakes as the store keeps them: a JSON array of <c>{"owner", "ownerCountry", "owned", "ownedCountry", "percent", "from",
/// "until", "source"}</c> (the CSV's columns), written and read by Reticle only.
/// </summary>
public static class StakeJson
{
    public static string Write(IEnumerable<Stake> stakes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var s in stakes)
            {
                w.WriteStartObject();
                w.WriteString("owner", s.Owner);
                w.WriteString("ownerCountry", s.OwnerCountry?.Value);
                w.WriteString("owned", s.Owned);
                w.WriteString("ownedCountry", s.OwnedCountry?.Value);
                if (s.Percent is { } p)
                {
                    w.WriteNumber("percent", p);
                }
                else
                {
                    w.WriteNull("percent");
                }
                w.WriteString("from", s.From is { } from ? LocalDatePattern.Iso.Format(from) : null);
                w.WriteString("until", s.Until is { } until ? LocalDatePattern.Iso.Format(until) : null);
                w.WriteString("source", s.Source);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<Stake> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stakes = new List<Stake>(document.RootElement.GetArrayLength());
        foreach (var e in document.RootElement.EnumerateArray())
        {
            stakes.Add(new Stake(
                e.GetProperty("owner").GetString()!,
                Country(e.GetProperty("ownerCountry")),
                e.GetProperty("owned").GetString()!,
                Country(e.GetProperty("ownedCountry")),
                e.GetProperty("percent").ValueKind == JsonValueKind.Null ? null : e.GetProperty("percent").GetDecimal(),
                Date(e.GetProperty("from")),
                Date(e.GetProperty("until")),
                e.GetProperty("source").GetString()!));
        }
        return stakes;
    }

    private static CountryCode? Country(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : CountryCode.Parse(e.GetString()!);

    private static LocalDate? Date(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : LocalDatePattern.Iso.Parse(e.GetString()!).Value;
}
