using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reticle.Cli.Api.Schemas;

/// <summary>
/// Completes the schemas the document generates from the types in this folder with what attributes on them say:
/// the wire names of an enumeration (<see cref="WireValuesAttribute"/>), a text format (<see cref="FormatAttribute"/>)
/// and bodies of several shapes (<see cref="OneOfAttribute"/>, <see cref="AnyOfAttribute"/>); and gives problem details the <c>errors</c> list
/// (<see cref="Problems"/>) and <c>traceId</c> the API writes.
/// </summary>
internal sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is { } property)
        {
            // On a list, what the attribute says is of each element; on a map, of each value.
            var target = schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema items ? items
                : schema.AdditionalProperties is OpenApiSchema values ? values
                : schema;
            if (property.GetCustomAttributes(typeof(WireValuesAttribute), false) is [WireValuesAttribute wire, ..])
            {
                target.Enum = [.. WireValues.Of(wire.Enum).Select(v => (JsonNode)JsonValue.Create(v))];
                if (target.Type is { } nullable && nullable.HasFlag(JsonSchemaType.Null))
                {
                    // A field written as null where it has no value: null is one of its values too.
                    target.Enum.Add(JsonNullSentinel.JsonNull);
                }
            }
            if (property.GetCustomAttributes(typeof(FormatAttribute), false) is [FormatAttribute format, ..])
            {
                target.Format = format.Format;
            }
        }
        var type = context.JsonTypeInfo.Type;
        if (type.GetCustomAttribute<OneOfAttribute>() is { } oneOf)
        {
            schema.OneOf = await ShapesAsync(schema, oneOf.Shapes, context, cancellationToken);
        }
        if (type.GetCustomAttribute<AnyOfAttribute>() is { } anyOf)
        {
            schema.AnyOf = await ShapesAsync(schema, anyOf.Shapes, context, cancellationToken);
        }
        if (type == typeof(ProblemDetails))
        {
            Problem(schema);
        }
    }

    /// <summary>The schemas of <paramref name="shapes"/>, replacing the (empty) object the carrying type was described as.</summary>
    private static async Task<IList<IOpenApiSchema>> ShapesAsync(OpenApiSchema schema, IReadOnlyList<Type> shapes, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        schema.Type = null;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        var schemas = new List<IOpenApiSchema>();
        foreach (var shape in shapes)
        {
            schemas.Add(await context.GetOrCreateSchemaAsync(shape, null, cancellationToken));
        }
        return schemas;
    }

    /// <summary>RFC 9457 problem details as <see cref="Problems"/> and the framework write them.</summary>
    private static void Problem(OpenApiSchema schema)
    {
        schema.Description = "RFC 9457 problem details. Input refused by the API (400, 404, 409, 403) lists each error in 'errors', naming where (a JSON path rooted at 'body' such as 'body.item.origin', 'body:3:14' for malformed JSON, or a query or path parameter such as 'asOf' or 'id') and what is wrong; nothing was stored.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Every error found, each naming where and what.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["where"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A JSON path rooted at 'body' (body.lines[0].quantity), body:LINE:COLUMN for malformed JSON, or the name of a query or path parameter." },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What is wrong there." },
                },
                Required = new HashSet<string> { "where", "message" },
            },
        };
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace identifier, for the server's logs." };
        // Always written: by Problems, the status code pages, the key check and the exception handler alike.
        schema.Required = new HashSet<string> { "title", "status" };
        schema.Properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." };
    }
}
