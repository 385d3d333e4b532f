using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Impact;

/// <summary>The impact report as CONTRACT §6 shapes it.</summary>
public static class ImpactJson
{
    // Beyond §6: `immaterial` (orders that moved only between not-applicable and permitted, listed with --all),
    // `worseWithoutValue` (changes for the worse whose order states no value, so not in `valueAtStake`), and on each change
    // `material` and `worse`.

    /// <summary>
    /// The report's first fields. A writer that streams (<c>reticle impact</c>, <c>POST /impact</c>) writes these, then each of
    /// <see cref="Write"/> in turn as it is found, then <see cref="Counts"/>: it never holds the whole document (24,000
    /// changes made a 5 GB tree) nor the changes (the counts are known only after the last one).
    /// </summary>
    public static JsonObject Head(NodaTime.LocalDate knownAt, NodaTime.LocalDate vs) => new()
    {
        ["knownAt"] = EffectivePeriod.Format(knownAt),
        ["vs"] = EffectivePeriod.Format(vs),
    };

    /// <summary>The report's counts and value at stake.</summary>
    public static JsonObject Counts(ImpactSummary summary) => new()
    {
        ["evaluated"] = summary.Evaluated,
        ["unchanged"] = summary.Unchanged,
        ["immaterial"] = summary.Immaterial,
        ["valueAtStake"] = Values(summary.ValueAtStake),
        ["worseWithoutValue"] = summary.WorseWithoutValue,
    };

    /// <summary>One element of the report's <c>changes</c> as compact JSON text, escaped as <c>JsonNode.ToJsonString()</c> escapes: a job's result line.</summary>
    public static string ToText(ImpactChange c) => System.Text.Encoding.UTF8.GetString(Written(c));

    private static ReadOnlySpan<byte> Written(ImpactChange c)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, c);
        }
        return buffer.WrittenSpan;
    }

    /// <summary>One element of the report's <c>changes</c>, written straight out: a report streamed over a large book writes each change so.</summary>
    public static void Write(Utf8JsonWriter w, ImpactChange c)
    {
        w.WriteStartObject();
        w.WriteString("transaction", c.After.Transaction);
        w.WriteString("date", EffectivePeriod.Format(c.After.AsOf));
        if (c.Value is { } value)
        {
            w.WriteStartObject("value");
            w.WriteString("currency", value.Currency);
            w.WriteNumber("amount", value.Amount);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("value");
        }
        w.WriteBoolean("material", c.Material);
        w.WriteBoolean("worse", c.Worse);
        Side(w, "before", c.Before);
        Side(w, "after", c.After);
        w.WriteStartArray("because");
        foreach (var reason in c.Because)
        {
            w.WriteStringValue(reason);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static JsonArray Values(ImmutableArray<Money> values) => new([.. values.Select(v => (JsonNode?)Value(v))]);

    public static JsonObject Value(Money money) => new() { ["currency"] = money.Currency, ["amount"] = money.Amount };

    private static void Side(Utf8JsonWriter w, string name, Determination.Determination d)
    {
        w.WriteStartObject(name);
        DeterminationJson.WriteOutcomeMembers(w, d);
        w.WriteEndObject();
    }
}
