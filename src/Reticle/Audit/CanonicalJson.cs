using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reticle.Audit;

/// <summary>
/// A canonical JSON encoding for hashing: object keys sorted by ordinal, no insignificant white
/// space, strings escaped minimally, numbers as written. Two equal documents encode to the same
/// bytes whatever order their keys came in.
/// </summary>
public static class CanonicalJson
{
    /// <summary>How canonical text is written; for callers that write a known object's keys in order themselves.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    // A key given twice has no canonical form (which value counts?), so such text is refused, as JsonNode refuses it.
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false };

    public static string Encode(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The canonical encoding of a JSON text, read once as a <see cref="JsonDocument"/> (pooled, no tree of nodes): the
    /// same as <see cref="Encode"/> of the text parsed into a <see cref="JsonNode"/>, for a fraction of the work.
    /// Verification compares a determination recorded before seals (ADR 0006) with its row this way.
    /// </summary>
    /// <exception cref="JsonException">The text is not one JSON value, or an object in it has a key twice.</exception>
    public static string EncodeText(string json)
    {
        using var document = JsonDocument.Parse(json, ParseOptions);
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, document.RootElement);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                // Strings are unescaped and escaped again by the writer's encoder, numbers copied as written: what a
                // parsed JsonValue writes.
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement element)
    {
        var count = element.GetPropertyCount();
        var properties = ArrayPool<KeyValuePair<string, JsonElement>>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var property in element.EnumerateObject())
            {
                properties[n++] = new(property.Name, property.Value);
            }
            Array.Sort(properties, 0, n, ByKey.Instance);
            writer.WriteStartObject();
            for (var i = 0; i < n; i++)
            {
                writer.WritePropertyName(properties[i].Key);
                Write(writer, properties[i].Value);
            }
            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<KeyValuePair<string, JsonElement>>.Shared.Return(properties, clearArray: true);
        }
    }

    private sealed class ByKey : IComparer<KeyValuePair<string, JsonElement>>
    {
        public static readonly ByKey Instance = new();

        public int Compare(KeyValuePair<string, JsonElement> x, KeyValuePair<string, JsonElement> y) => string.CompareOrdinal(x.Key, y.Key);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValue value:
                value.WriteTo(writer);
                break;
        }
    }
}
