using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Time;

namespace Reticle.Determination;

/// <summary>
/// The JSON shape of a determination (CONTRACT §3), used by the CLI, the API and the store alike. It is defined once,
/// as what <see cref="Write"/> writes: the API writes every decision straight to text (a result is about 12 KB, and a
/// tree of nodes first cost several times the writing); <see cref="ToJson"/> reads that text back for callers that
/// compose or re-indent it.
/// </summary>
public static class DeterminationJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToJson(Determination d) => JsonNode.Parse(Written(d))!.AsObject();

    /// <summary>The determination as compact JSON text (strings escaped only where JSON requires).</summary>
    public static string ToText(Determination d) => System.Text.Encoding.UTF8.GetString(Written(d));

    // The bytes stay in a buffer and writer reused per thread (many requests write at once): a result is about 12 KB,
    // and a new buffer for each was most of what writing it allocated. Valid until the thread writes the next one.
    private static ReadOnlySpan<byte> Written(Determination d)
    {
        var buffer = Buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = Writer ??= new Utf8JsonWriter(buffer, Compact);
        writer.Reset(buffer);
        Write(writer, d);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? Writer;

    public static void Write(Utf8JsonWriter w, Determination d)
    {
        w.WriteStartObject();
        w.WriteString("transaction", d.Transaction);
        w.WriteString("asOf", EffectivePeriod.Format(d.AsOf));
        if (d.KnownAt is { } knownAt)
        {
            w.WriteString("knownAt", EffectivePeriod.Format(knownAt));
        }
        w.WriteString("outcome", d.Outcome.ToWire());
        Jurisdictions(w, d);
        w.WriteStartArray("screening");
        foreach (var h in d.Screening)
        {
            Screening(w, h);
        }
        w.WriteEndArray();
        // An extension of the contract, present only when a party is owned (or possibly owned) by listed parties.
        if (!d.Ownership.IsDefaultOrEmpty)
        {
            w.WriteStartArray("ownership");
            foreach (var o in d.Ownership)
            {
                Ownership.OwnershipJson.Write(w, o.Finding, o);
            }
            w.WriteEndArray();
        }
        // An extension of the contract, present only when a fact of the whole transaction is missing (no party named).
        if (!d.Missing.IsDefaultOrEmpty)
        {
            Strings(w, "missing", d.Missing);
        }
        Versions(w, d);
        if (!d.OwnershipVersions.IsEmpty)
        {
            w.WriteStartObject("ownershipVersions");
            foreach (var (dataset, version) in d.OwnershipVersions)
            {
                w.WriteString(dataset, version);
            }
            w.WriteEndObject();
        }
        w.WriteString("ruleSet", d.RuleSetHash);
        w.WriteEndObject();
    }

    /// <summary>
    /// The members of a determination that say what was decided under which rules and lists — <c>outcome</c>,
    /// <c>jurisdictions</c>, <c>ruleVersions</c>, <c>listVersions</c> — into an object the caller has begun: each side of an
    /// impact change (CONTRACT §6), written straight to the report.
    /// </summary>
    public static void WriteOutcomeMembers(Utf8JsonWriter w, Determination d)
    {
        w.WriteString("outcome", d.Outcome.ToWire());
        Jurisdictions(w, d);
        Versions(w, d);
    }

    private static void Jurisdictions(Utf8JsonWriter w, Determination d)
    {
        w.WriteStartArray("jurisdictions");
        foreach (var j in d.Jurisdictions)
        {
            Jurisdiction(w, j);
        }
        w.WriteEndArray();
    }

    private static void Versions(Utf8JsonWriter w, Determination d)
    {
        w.WriteStartObject("ruleVersions");
        foreach (var (pack, version) in d.RuleVersions)
        {
            w.WriteString(pack, version);
        }
        w.WriteEndObject();
        w.WriteStartObject("listVersions");
        foreach (var (list, version) in d.ListVersions)
        {
            w.WriteString(list, version);
        }
        w.WriteEndObject();
    }

    private static void Screening(Utf8JsonWriter w, Screening.PartyHit h)
    {
        w.WriteStartObject();
        w.WriteString("role", h.Role.ToWire());
        w.WriteString("name", h.PartyName);
        w.WriteString("list", h.Hit.Entry.ListName);
        w.WriteString("entryId", h.Hit.Entry.Id);
        w.WriteString("entryName", h.Hit.Entry.Name);
        w.WriteString("matchedName", h.Hit.MatchedName);
        w.WriteNumber("score", Math.Round(h.Hit.Score, 3));
        w.WriteString("status", Reticle.Screening.ScreeningStatusNames.ToWire(h.Status));
        Strings(w, "explanation", h.Hit.Explanation);
        // One note at most: a party left undecided by every pack says so rather than which entry identified it.
        var note = h.Undecided
            ? $"no rule pack decides {h.Hit.Entry.List} listings: a reviewer must"
            : h.IdentifiedAs is { } identified
                ? $"not left open: the party is identified as '{identified.Entry.Name}' on {identified.Entry.List} (score {identified.Score:0.000})"
                : null;
        if (note is not null)
        {
            w.WriteString("note", note);
        }
        w.WriteEndObject();
    }

    private static void Jurisdiction(Utf8JsonWriter w, JurisdictionDetermination j)
    {
        w.WriteStartObject();
        w.WriteString("jurisdiction", j.Jurisdiction);
        w.WriteString("outcome", j.Outcome.ToWire());
        Strings(w, "classifications", j.Classifications);
        w.WriteStartArray("findings");
        foreach (var f in j.Findings)
        {
            Finding(w, f);
        }
        w.WriteEndArray();
        w.WritePropertyName("license");
        License(w, j.License);
        Strings(w, "notes", j.Notes);
        w.WriteStartArray("conditions");
        foreach (var c in j.Conditions)
        {
            w.WriteStartObject();
            w.WriteString("condition", c.Label);
            w.WriteString("holds", c.Truth.ToWire());
            w.WriteString("because", c.Because);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // An extension of the contract: present only where a licence was needed and some were looked at.
        if (!j.LicensesConsidered.IsDefaultOrEmpty)
        {
            w.WriteStartArray("licensesConsidered");
            foreach (var c in j.LicensesConsidered)
            {
                w.WriteStartObject();
                w.WriteString("id", c.LicenseId);
                NumberOrNull(w, "line", c.Line);
                w.WriteString("reason", c.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void License(Utf8JsonWriter w, CoveringLicense? license)
    {
        if (license is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("id", license.LicenseId);
        w.WriteNumber("line", license.Line);
        NumberOrNull(w, "remainingQuantity", license.RemainingQuantity);
        w.WritePropertyName("remainingValue");
        Money(w, license.RemainingValue);
        w.WriteEndObject();
    }

    // As LicenseJson writes money.
    private static void Money(Utf8JsonWriter w, Money? money)
    {
        if (money is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteNumber("amount", money.Amount);
        w.WriteString("currency", money.Currency);
        w.WriteEndObject();
    }

    private static void Finding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("rule", f.Rule);
        w.WriteString("effect", f.Effect.ToWire());
        w.WriteString("status", f.Status.ToWire());
        w.WriteString("citation", f.Citation);
        w.WriteString("because", f.Because);
        if (f.Title is not null)
        {
            w.WriteString("title", f.Title);
        }
        if (!f.Missing.IsDefaultOrEmpty)
        {
            Strings(w, "missing", f.Missing);
        }
        if (!f.Exceptions.IsDefaultOrEmpty)
        {
            w.WriteStartArray("licenseExceptions");
            foreach (var e in f.Exceptions)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("kind", e.Kind.ToWire());
                w.WriteString("title", e.Title);
                w.WriteString("citation", e.Citation);
                Strings(w, "confirm", e.Confirm);
                w.WriteString("because", e.Because);
                w.WriteBoolean("concluded", false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("confidence", f.Confidence.ToString().ToLowerInvariant());
        w.WriteString("ruleVersion", f.PackVersion);
        w.WriteEndObject();
    }

    private static void NumberOrNull(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }
}
