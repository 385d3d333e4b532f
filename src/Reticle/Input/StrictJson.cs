using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Reticle.Input;

/// <summary>
/// Parses JSON input and checks what the parser lets through but a reader must not: a key given twice in one object
/// (the parser keeps the last, so a reviewer and Reticle would read different values), text that is not valid
/// Unicode (a lone surrogate, <c>"\ud800"</c>) and NUL characters (PostgreSQL cannot store them, and no name or id
/// holds one). Each problem names its JSON path.
/// </summary>
public static class StrictJson
{
    /// <returns>The root (cloned, so it outlives the parse), or null with the reasons in <paramref name="errors"/>.</returns>
    /// <param name="where">The root of the paths errors name (a file, <c>body</c>, or a line of JSON Lines).</param>
    /// <param name="file">Where malformed text is located by line and column, when not <paramref name="where"/>.</param>
    /// <param name="lineOffset">Lines before <paramref name="text"/> in <paramref name="file"/> (JSON Lines).</param>
    public static JsonElement? Parse(string where, string text, int maxDepth, List<InputError> errors, string? file = null, int lineOffset = 0)
    {
        using var document = ParseDocument(where, text, maxDepth, errors, file, lineOffset);
        return document?.RootElement.Clone();
    }

    /// <summary>
    /// As <see cref="Parse"/>, without copying the root out of the parser's pooled buffers: for a reader that is done with the
    /// JSON before it returns (a stored order read back costs a copy less). The caller disposes the document.
    /// </summary>
    public static JsonDocument? ParseDocument(string where, string text, int maxDepth, List<InputError> errors, string? file = null, int lineOffset = 0)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1 + lineOffset;
            var column = (e.BytePositionInLine ?? 0) + 1;
            errors.Add(new InputError($"{file ?? where}:{line}:{column}", $"malformed JSON: {FirstSentence(e.Message)}"));
            return null;
        }
        if (Check(where, document.RootElement, errors))
        {
            return document;
        }
        document.Dispose();
        return null;
    }

    /// <summary>Checks an element parsed elsewhere; true when nothing was wrong.</summary>
    public static bool Check(string where, JsonElement element, List<InputError> errors)
    {
        var before = errors.Count;
        Walk(where, element, errors);
        return errors.Count == before;
    }

    // Paths and key names are made only for containers and errors: most values are leaves that pass, and a path and a name
    // per value were most of what checking a stored order allocated.
    private static void Walk(string path, JsonElement element, List<InputError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = ArrayPool<JsonProperty>.Shared.Rent(element.GetPropertyCount());
                try
                {
                    var (count, plain) = (0, true);
                    foreach (var property in element.EnumerateObject())
                    {
                        properties[count++] = property;
                        plain &= IsPlain(JsonMarshal.GetRawUtf8PropertyName(property));
                    }
                    if (plain)
                    {
                        PlainKeys(path, properties.AsSpan(0, count), errors);
                    }
                    else
                    {
                        EscapedKeys(path, properties.AsSpan(0, count), errors);
                    }
                }
                finally
                {
                    ArrayPool<JsonProperty>.Shared.Return(properties, clearArray: true);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Member(path, $"[{i++}]", item, errors);
                }
                break;
            case JsonValueKind.String:
                CheckText(path, element, errors);
                break;
        }
    }

    // No key is escaped: each is valid text without a NUL, and two keys are the same exactly when their bytes are. An object
    // has a handful of keys, so each is compared with those before it.
    private static void PlainKeys(string path, ReadOnlySpan<JsonProperty> properties, List<InputError> errors)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            var key = JsonMarshal.GetRawUtf8PropertyName(properties[i]);
            for (var j = 0; j < i; j++)
            {
                if (key.SequenceEqual(JsonMarshal.GetRawUtf8PropertyName(properties[j])))
                {
                    errors.Add(new InputError($"{path}.{properties[i].Name}", "given twice in one object; give each field once"));
                    break;
                }
            }
            Member(path, properties[i], errors);
        }
    }

    // Some key is escaped ("\u0061" is the key "a"): keys are unescaped and compared as text.
    private static void EscapedKeys(string path, ReadOnlySpan<JsonProperty> properties, List<InputError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < properties.Length; index++)
        {
            if (!TryName(properties[index], out var name))
            {
                errors.Add(new InputError($"{path}.<key {index}>", "the key is not valid Unicode (a lone surrogate such as \\ud800)"));
                continue;
            }
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(new InputError($"{path}.{name}".Replace("\0", "\\u0000", StringComparison.Ordinal), "the key contains a NUL character (\\u0000)"));
            }
            else if (!seen.Add(name))
            {
                errors.Add(new InputError($"{path}.{name}", "given twice in one object; give each field once"));
            }
            Member(path, properties[index], errors);
        }
    }

    private static void Member(string path, JsonProperty property, List<InputError> errors)
    {
        if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || property.Value.ValueKind == JsonValueKind.String && !IsPlainText(property.Value))
        {
            Walk($"{path}.{property.Name}", property.Value, errors);
        }
    }

    private static void Member(string path, string index, JsonElement value, List<InputError> errors)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || value.ValueKind == JsonValueKind.String && !IsPlainText(value))
        {
            Walk(path + index, value, errors);
        }
    }

    private static void CheckText(string path, JsonElement element, List<InputError> errors)
    {
        if (!TryText(element, out var text))
        {
            errors.Add(new InputError(path, "text that is not valid Unicode (a lone surrogate such as \\ud800)"));
        }
        else if (text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new InputError(path, "text contains a NUL character (\\u0000)"));
        }
    }

    // Text without an escape that is valid UTF-8 can hold neither a lone surrogate nor a NUL (the parser refuses control
    // characters written as themselves): it passes without being turned into a string.
    private static bool IsPlainText(JsonElement element) => IsPlain(JsonMarshal.GetRawUtf8Value(element));

    private static bool IsPlain(ReadOnlySpan<byte> raw) => !raw.Contains((byte)'\\') && Utf8.IsValid(raw);

    // System.Text.Json unescapes "\ud800" only when asked for the text, and then throws.
    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static bool TryText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        }
        return cut > 0 ? message[..cut] : message;
    }
}
