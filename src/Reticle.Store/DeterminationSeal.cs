using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>
/// How a stored determination is sealed by its audit record. The record's payload names the decision (transaction,
/// dates, outcome, rule set) and the SHA-256 of the exact input and result texts the <c>determinations</c> row holds:
/// <c>{"asOf", "inputSha256", "knownAt", "outcome", "resultSha256", "ruleSet", "transaction"}</c>. Editing or deleting
/// the row is then as detectable as editing the record (<see cref="Problem"/>), while the decision, about 12 KB of
/// JSON, is written and hashed once instead of twice: a copy in the payload halved what the API could store.
/// Records written before sealing (before ADR 0006) carry the input and result themselves and are still checked.
/// See docs/adr/0006-determinations-sealed-by-digest.md.
/// </summary>
internal static class DeterminationSeal
{
    /// <summary>The audit payload sealing <paramref name="determination"/>, canonically encoded (keys in ordinal order).</summary>
    /// <exception cref="ArgumentException">The input or result is not one valid JSON value.</exception>
    public static string Encode(DeterminationRecord determination)
    {
        var input = Digest(determination.InputJson, nameof(DeterminationRecord.InputJson), determination.TransactionId);
        var result = Digest(determination.ResultJson, nameof(DeterminationRecord.ResultJson), determination.TransactionId);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", Date(determination.AsOf));
            writer.WriteString("inputSha256", input);
            writer.WriteString("knownAt", determination.KnownAt is { } knownAt ? Date(knownAt) : null);
            writer.WriteString("outcome", determination.Outcome);
            writer.WriteString("resultSha256", result);
            writer.WriteString("ruleSet", determination.RuleSet);
            writer.WriteString("transaction", determination.TransactionId);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>What in <paramref name="stored"/> differs from what <paramref name="sealing"/> sealed; null if nothing does.</summary>
    public static string? Problem(AuditRecord sealing, DeterminationRecord stored)
    {
        using var payload = JsonDocument.Parse(sealing.Payload);
        var seal = payload.RootElement;
        var field = Differs(seal, "transaction", stored.TransactionId)
            ?? Differs(seal, "asOf", Date(stored.AsOf))
            ?? Differs(seal, "knownAt", stored.KnownAt is { } knownAt ? Date(knownAt) : null)
            ?? Differs(seal, "outcome", stored.Outcome)
            ?? Differs(seal, "ruleSet", stored.RuleSet);
        if (field is not null)
        {
            return field;
        }
        if (seal.TryGetProperty("inputSha256", out _))
        {
            return Differs(seal, "inputSha256", TryDigest(stored.InputJson)) is not null ? "its input is not the text sealed"
                : Differs(seal, "resultSha256", TryDigest(stored.ResultJson)) is not null ? "its result is not the text sealed"
                : null;
        }
        // A record from before sealing holds the input and result as JSON values.
        return !SameJson(seal, "input", stored.InputJson) ? "its input is not the one recorded"
            : !SameJson(seal, "result", stored.ResultJson) ? "its result is not the one recorded"
            : null;
    }

    private static string? Differs(JsonElement seal, string name, string? value)
    {
        var recorded = seal.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
        return recorded == value ? null : $"its {name} {Quote(value)} is not the sealed {Quote(recorded)}";
    }

    private static string Quote(string? value) => value is null ? "(none)" : $"'{value}'";

    private static bool SameJson(JsonElement seal, string name, string text)
    {
        if (!seal.TryGetProperty(name, out var recorded))
        {
            return false;
        }
        try
        {
            return CanonicalJson.EncodeText(text) == CanonicalJson.EncodeText(recorded.GetRawText());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Digest(string json, string field, string owner)
    {
        var (digest, problem) = Read(json);
        return digest ?? throw new ArgumentException($"The {field} of '{owner}' is not valid JSON: {problem}");
    }

    private static string? TryDigest(string json) => Read(json).Digest;

    /// <summary><c>sha256:</c> and the hex SHA-256 of the text's UTF-8 bytes if the text is one valid JSON value; otherwise why not.</summary>
    private static (string? Digest, string? Problem) Read(string json)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var text = bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, bytes));
            if (Malformed(text) is { } problem)
            {
                return (null, problem);
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text, hash);
            return ("sha256:" + Convert.ToHexStringLower(hash), null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Read through once without building anything: the reader throws at the first malformed token, or at a second value.
    private static string? Malformed(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            var any = false;
            while (reader.Read())
            {
                any = true;
            }
            return any ? null : "there is no value";
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
