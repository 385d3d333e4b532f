namespace Reticle.Cli.Api.Schemas;

/// <summary>
/// A text field (or a list of them) that holds one of the wire names of <see cref="Enum"/>, as the writers spell them.
/// <see cref="ApiSchemaTransformer"/> lists those names in the schema from the same functions the writers call
/// (<see cref="WireValues"/>), so the document cannot name a value the API never writes, nor miss one it does.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WireValuesAttribute(Type @enum) : Attribute
{
    public Type Enum { get; } = @enum;
}
