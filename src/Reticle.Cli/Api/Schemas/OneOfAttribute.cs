namespace Reticle.Cli.Api.Schemas;

/// <summary>
/// A body that comes in one of several shapes (one transaction, a wrapped batch, a bare array):
/// <see cref="ApiSchemaTransformer"/> describes the type carrying it as <c>oneOf</c> the <see cref="Shapes"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class OneOfAttribute(params Type[] shapes) : Attribute
{
    public IReadOnlyList<Type> Shapes { get; } = shapes;
}
