using System.Text.Json;

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
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1 + lineOffset;
            var column = (e.BytePositionInLine ?? 0) + 1;
            errors.Add(new InputError($"{file ?? where}:{line}:{column}", $"malformed JSON: {FirstSentence(e.Message)}"));
            return null;
        }
        return Check(where, root, errors) ? root : null;
    }

    /// <summary>Checks an element parsed elsewhere; true when nothing was wrong.</summary>
    public static bool Check(string where, JsonElement element, List<InputError> errors)
    {
        var before = errors.Count;
        Walk(where, element, errors);
        return errors.Count == before;
    }

    private static void Walk(string path, JsonElement element, List<InputError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? seen = null;
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryName(property, out var name))
                    {
                        errors.Add(new InputError($"{path}.<key {index}>", "the key is not valid Unicode (a lone surrogate such as \\ud800)"));
                        index++;
                        continue;
                    }
                    var at = $"{path}.{name}";
                    if (name.Contains('\0', StringComparison.Ordinal))
                    {
                        errors.Add(new InputError(at.Replace("\0", "\\u0000", StringComparison.Ordinal), "the key contains a NUL character (\\u0000)"));
                    }
                    else if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                    {
                        errors.Add(new InputError(at, "given twice in one object; give each field once"));
                    }
                    Walk(at, property.Value, errors);
                    index++;
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk($"{path}[{i++}]", item, errors);
                }
                break;
            case JsonValueKind.String:
                if (!TryText(element, out var text))
                {
                    errors.Add(new InputError(path, "text that is not valid Unicode (a lone surrogate such as \\ud800)"));
                }
                else if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add(new InputError(path, "text contains a NUL character (\\u0000)"));
                }
                break;
        }
    }

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
