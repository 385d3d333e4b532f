using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reticle.Service.Wire;

/// <summary>
/// A JSON array written as its elements are read, for lists whose length is the size of the user's book (orders, results):
/// one element is held at a time, and the text goes out in chunks. The text is what <c>JsonArray.ToJsonString</c> gives
/// with the same options, indented or not.
/// </summary>
internal static class JsonArrayStream
{
    private const int ChunkBytes = 64 * 1024;

    /// <param name="endLine">Whether a line break follows the array (as a command's output ends), or not (as an HTTP answer is written).</param>
    public static async Task WriteAsync<T>(TextWriter output, IAsyncEnumerable<T> items, Func<T, JsonNode> element, JsonSerializerOptions options,
        CancellationToken cancellationToken, bool endLine = true)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            Encoder = options.Encoder ?? JavaScriptEncoder.Default,
        });
        writer.WriteStartArray();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            element(item).WriteTo(writer, options);
            if (writer.BytesPending + buffer.WrittenCount >= ChunkBytes)
            {
                await FlushAsync(output, writer, buffer);
            }
        }
        writer.WriteEndArray();
        await FlushAsync(output, writer, buffer);
        if (endLine)
        {
            await output.WriteLineAsync();
        }
    }

    /// <summary>
    /// An object with a long array inside: <paramref name="head"/>'s properties, then <paramref name="name"/> with the elements
    /// written as they are made, then the properties of <paramref name="tail"/>, asked for once the last element is written
    /// (counts that are known only at the end).
    /// </summary>
    /// <param name="element">Writes one element straight to the writer: no tree per element (a change of an impact report is 30 KB of JSON).</param>
    public static async Task WriteObjectAsync<T>(TextWriter output, JsonObject head, string name, IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> element,
        Func<Task<JsonObject>> tail, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            Encoder = options.Encoder ?? JavaScriptEncoder.Default,
        });
        writer.WriteStartObject();
        WriteProperties(writer, head, options);
        writer.WriteStartArray(name);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            element(writer, item);
            if (writer.BytesPending + buffer.WrittenCount >= ChunkBytes)
            {
                await FlushAsync(output, writer, buffer);
            }
        }
        writer.WriteEndArray();
        WriteProperties(writer, await tail(), options);
        writer.WriteEndObject();
        await FlushAsync(output, writer, buffer);
        await output.WriteLineAsync();
    }

    private static void WriteProperties(Utf8JsonWriter writer, JsonObject properties, JsonSerializerOptions options)
    {
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer, options);
            }
        }
    }

    // The chunk goes out through a pooled buffer: as a string each 64 KB chunk was a 128 KB object on the large-object heap,
    // garbage that piled up until a full collection (a third of the peak memory of a streamed report).
    private static async Task FlushAsync(TextWriter output, Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        await writer.FlushAsync();
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount));
        try
        {
            var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            await output.WriteAsync(chars.AsMemory(0, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        buffer.ResetWrittenCount();
    }
}
