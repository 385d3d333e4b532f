using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reticle.Cli.Output;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <paramref name="json"/> as <c>ToJsonString(Options)</c> would, then a new line, without building the whole text
    /// first: a what-if or impact report over many orders runs to hundreds of megabytes of text, which would otherwise be held
    /// twice (as UTF-16 and while it grows).
    /// </summary>
    public static void Write(TextWriter output, JsonNode json)
    {
        using (var stream = new TextWriterStream(output))
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            // The writer buffers until flushed: flush after each element of a top-level array (each change of a report).
            if (json is JsonObject top)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in top)
                {
                    writer.WritePropertyName(name);
                    if (value is JsonArray array)
                    {
                        writer.WriteStartArray();
                        foreach (var element in array)
                        {
                            WriteValue(writer, element);
                            writer.Flush();
                        }
                        writer.WriteEndArray();
                    }
                    else
                    {
                        WriteValue(writer, value);
                    }
                }
                writer.WriteEndObject();
            }
            else
            {
                WriteValue(writer, json);
            }
        }
        output.WriteLine();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    // UTF-8 bytes in, text out: the decoder keeps a character split across two writes whole.
    private sealed class TextWriterStream(TextWriter output) : Stream
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private char[] _chars = new char[8192];

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }
            var written = _decoder.GetChars(buffer, _chars, flush: false);
            output.Write(_chars, 0, written);
        }

        public override void Flush() => output.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
