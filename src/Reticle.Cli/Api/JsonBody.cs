using System.Text.Json;
using Reticle.Input;

namespace Reticle.Cli.Api;

/// <summary>A request body that must be one JSON object; errors are rooted at <c>body</c> (malformed JSON by line and column).</summary>
internal static class JsonBody
{
    public const string Root = "body";

    /// <returns>The object (cloned, so it outlives the parse), or null with the reason in <paramref name="errors"/>.</returns>
    public static JsonElement? ReadObject(string text, List<InputError> errors)
    {
        if (StrictJson.Parse(Root, text, 32, errors) is not { } root)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(Root, "expected a JSON object"));
            return null;
        }
        return root;
    }

    /// <summary>
    /// A body of a few fields (a release, an impact request) read up to <see cref="RequestBody.Small"/>: a strict reader
    /// over the object, or the answer refusing it (413, or 400 naming the error).
    /// </summary>
    public static async Task<(StrictObjectReader? Reader, Microsoft.AspNetCore.Http.IResult? Refusal)> ReadSmallObjectAsync(
        Microsoft.AspNetCore.Http.HttpRequest request, List<InputError> errors, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadTextAsync(request, RequestBody.Small, cancellationToken) is not { } text)
        {
            return (null, Problems.TooLarge(RequestBody.Small));
        }
        return ReadObject(text, errors) is { } body ? (new StrictObjectReader(Root, body, errors), null) : (null, Problems.Rejected(errors));
    }

    /// <summary>
    /// A list body given wrapped as <c>{"NAME": [...]}</c>: the array's text and the path errors inside it are named by.
    /// Anything else is read as it is (one object, an array) under <see cref="Root"/>.
    /// </summary>
    public static (string Source, string Text) Unwrap(string text, string name, List<InputError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            // Malformed: the reader the caller uses next reports the line and column.
            return (Root, text);
        }
        using (document)
        {
            if (document.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty(name, out var wrapped))
            {
                return (Root, text);
            }
            // A wrapper given twice ({"licenses": [...], "licenses": [...]}) would otherwise lose the first.
            if (!StrictJson.Check(Root, root, errors))
            {
                return (Root, text);
            }
            foreach (var other in root.EnumerateObject().Where(p => p.Name != name))
            {
                errors.Add(new InputError($"{Root}.{other.Name}", NearestName.UnknownMessage("field", other.Name, [name])));
            }
            if (wrapped.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new InputError($"{Root}.{name}", "expected an array"));
            }
            return ($"{Root}.{name}", wrapped.GetRawText());
        }
    }
}
