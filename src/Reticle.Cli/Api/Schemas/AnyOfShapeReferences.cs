using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reticle.Cli.Api.Schemas;

/// <summary>
/// Refers the shapes of each <see cref="AnyOfAttribute"/> answer to the component of the shape's own name. Left to the
/// generator, they are registered again as copies named after the answer (<c>DeterminationAnswerDetermination</c>),
/// and a client generated from the document would have two types for one determination.
/// </summary>
internal sealed class AnyOfShapeReferences : IOpenApiDocumentTransformer
{
    private static readonly Type[] Answers = [.. typeof(AnyOfShapeReferences).Assembly.GetTypes().Where(t => t.GetCustomAttribute<AnyOfAttribute>() is not null)];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }
        foreach (var answer in Answers)
        {
            if (!schemas.TryGetValue(answer.Name, out var found) || found is not OpenApiSchema { AnyOf: not null } schema)
            {
                continue;
            }
            var shapes = new List<IOpenApiSchema>();
            foreach (var shape in answer.GetCustomAttribute<AnyOfAttribute>()!.Shapes)
            {
                // The copy stands in for the shape's own component only where the shape has none (nothing else names it).
                if (schemas.Remove(answer.Name + shape.Name, out var copy) && !schemas.ContainsKey(shape.Name))
                {
                    schemas[shape.Name] = copy;
                }
                shapes.Add(new OpenApiSchemaReference(shape.Name, document));
            }
            schema.AnyOf = shapes;
        }
        return Task.CompletedTask;
    }
}
