using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Reticle.Api.Tests.OpenApi;

/// <summary>
/// The document a running server publishes at <c>/openapi/v1.json</c>, used as a contract: JSON bodies are checked against
/// the schemas it gives for their operation, status and media type, by a JSON Schema 2020-12 validator (OpenAPI 3.1
/// schemas are JSON Schema). Checked strictly: a field an object's schema does not list is a violation (the document
/// itself leaves objects open, so clients may ignore fields added later), as is a missing required field, a value outside
/// an enumeration, or a date that is not a date.
/// </summary>
internal sealed class OpenApiContract
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly JsonObject _definitions;
    private readonly HashSet<(string Method, string Path, int Status)> _seen = [];

    private OpenApiContract(JsonObject document)
    {
        Document = document;
        _definitions = (JsonObject)Strict(Rewrite(document["components"]!["schemas"]!.DeepClone()));
    }

    public JsonObject Document { get; }

    public static async Task<OpenApiContract> FetchAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return new OpenApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The operations the document describes, as (method, path template).</summary>
    public IEnumerable<(string Method, string Path)> Operations => Document["paths"]!.AsObject()
        .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete").Select(o => (o.Key, p.Key)));

    /// <summary>The statuses answered so far per operation.</summary>
    public IReadOnlySet<(string Method, string Path, int Status)> Seen => _seen;

    private JsonObject Operation(string method, string path) =>
        Document["paths"]![path]?[method] as JsonObject ?? throw new ShouldAssertException($"the document has no {method.ToUpperInvariant()} {path}");

    /// <summary>What is wrong with a request body by the operation's request schema (application/json).</summary>
    public IReadOnlyList<string> RequestViolations(string method, string path, string json)
    {
        var schema = Operation(method, path)["requestBody"]?["content"]?["application/json"]?["schema"]
            ?? throw new ShouldAssertException($"{method.ToUpperInvariant()} {path} describes no JSON request body");
        return Violations(schema, json);
    }

    /// <summary>What is wrong with an answer by the schema the operation gives for its status and media type; records the status as seen.</summary>
    public IReadOnlyList<string> ResponseViolations(string method, string path, int status, MediaTypeHeaderValue? contentType, string body)
    {
        _seen.Add((method, path, status));
        var response = Operation(method, path)["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (response is null)
        {
            return [$"{method.ToUpperInvariant()} {path} answered {status}, a status the document does not list"];
        }
        var mediaType = contentType?.MediaType ?? "(none)";
        if (response["content"]?[mediaType]?["schema"] is not { } schema)
        {
            return [$"{method.ToUpperInvariant()} {path} answered {status} as {mediaType}, which the document does not describe"];
        }
        return Violations(schema, body);
    }

    /// <summary>What is wrong with <paramref name="json"/> by <paramref name="schema"/> (a schema of the document, or a component's name).</summary>
    public IReadOnlyList<string> Violations(JsonNode schema, string json)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
        };
        foreach (var (key, value) in Strict(Rewrite(schema.DeepClone())).AsObject())
        {
            root[key] = value?.DeepClone();
        }
        var built = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = JsonDocument.Parse(json);
        var result = built.Evaluate(instance.RootElement, Evaluation);
        if (result.IsValid)
        {
            return [];
        }
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} (at {d.EvaluationPath})"))
            .DefaultIfEmpty("invalid")];
    }

    public IReadOnlyList<string> ComponentViolations(string component, string json) =>
        Violations(new JsonObject { ["$ref"] = $"#/components/schemas/{component}" }, json);

    // Component references point into $defs of the schema built for each check.
    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>().StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        obj[key] = "#/$defs/" + reference.GetValue<string>()["#/components/schemas/".Length..];
                    }
                    else if (value is not null)
                    {
                        Rewrite(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Rewrite(item);
                }
                break;
        }
        return node;
    }

    // An object schema that lists its properties and says nothing of others allows no others here.
    private static JsonNode Strict(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("properties") && !obj.ContainsKey("additionalProperties") && !obj.ContainsKey("unevaluatedProperties"))
                {
                    obj["unevaluatedProperties"] = false;
                }
                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        Strict(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Strict(item);
                }
                break;
        }
        return node;
    }
}
