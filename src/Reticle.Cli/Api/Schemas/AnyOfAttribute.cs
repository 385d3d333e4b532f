namespace Reticle.Cli.Api.Schemas;

/// <summary>
/// An answer that comes in one of several shapes (one item, or a batch) that no field's value tells apart: described
/// as <c>anyOf</c>, which a generated client reads by filling every shape from the same object (Kiota: an intersection
/// type), where a <c>oneOf</c> without a discriminator leaves it no way to choose. The shapes share no required field,
/// so an answer still matches exactly one.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class AnyOfAttribute(params Type[] shapes) : Attribute
{
    public IReadOnlyList<Type> Shapes { get; } = shapes;
}
