using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>The audit payloads the store writes, so both providers record the same facts in the same shape.</summary>
internal static class AuditPayloads
{
    public const string ContentImported = "content.imported";
    public const string Determination = "determination";
    public const string ListImported = "list.imported";
    public const string LicenseEvent = "license.event";
    public const string OrderAdded = "order.added";
    public const string OrderShipped = "order.shipped";
    public const string HoldPlaced = "hold.placed";
    public const string HoldReleased = "hold.released";

    /// <summary><c>{"dataset", "format", "published", "sha256", "entries", "changes"}</c> for one list snapshot.</summary>
    public static JsonObject ForList(ListSnapshotDocument snapshot) => new()
    {
        ["dataset"] = snapshot.Dataset,
        ["format"] = snapshot.Format,
        ["published"] = snapshot.Published is { } published ? LocalDatePattern.Iso.Format(published) : null,
        ["sha256"] = snapshot.Sha256,
        ["entries"] = snapshot.EntryCount,
        ["changes"] = ParseJson(snapshot.ChangesJson, nameof(ListSnapshotDocument.ChangesJson), snapshot.Dataset),
    };

    /// <summary><c>{"documents": [{"kind", "name", "sha256"}, ...]}</c> for the documents actually added.</summary>
    public static JsonObject ForContent(IEnumerable<ContentDocument> added) => new()
    {
        ["documents"] = new JsonArray(added
            .Select(d => (JsonNode)new JsonObject
            {
                ["kind"] = StoredContentKind.Name(d.Kind),
                ["name"] = d.Name,
                ["sha256"] = d.Sha256,
            })
            .ToArray()),
    };

    /// <summary>
    /// Everything needed to replay the decision, canonically encoded: <c>{"asOf", "input", "knownAt", "outcome",
    /// "result", "ruleSet", "transaction"}</c>, with the input and result as JSON values (not strings), so the
    /// encoding, and so the hash, does not depend on how the caller formatted them. Written straight from the record
    /// (keys in their ordinal order, each text read once without building a tree of nodes): encoding is most of the
    /// work of storing a decision, whose result is about 12 KB.
    /// </summary>
    /// <exception cref="ArgumentException">The input or result is not valid JSON.</exception>
    public static string EncodeDetermination(DeterminationRecord determination)
    {
        var buffer = new ArrayBufferWriter<byte>(determination.InputJson.Length + determination.ResultJson.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", LocalDatePattern.Iso.Format(determination.AsOf));
            writer.WritePropertyName("input");
            WriteJson(writer, determination.InputJson, nameof(DeterminationRecord.InputJson), determination.TransactionId);
            writer.WriteString("knownAt", determination.KnownAt is { } knownAt ? LocalDatePattern.Iso.Format(knownAt) : null);
            writer.WriteString("outcome", determination.Outcome);
            writer.WritePropertyName("result");
            WriteJson(writer, determination.ResultJson, nameof(DeterminationRecord.ResultJson), determination.TransactionId);
            writer.WriteString("ruleSet", determination.RuleSet);
            writer.WriteString("transaction", determination.TransactionId);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteJson(Utf8JsonWriter writer, string json, string field, string owner)
    {
        try
        {
            CanonicalJson.WriteText(writer, json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The {field} of '{owner}' is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonNode? ParseJson(string json, string field, string owner)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The {field} of '{owner}' is not valid JSON: {e.Message}", e);
        }
    }
}
