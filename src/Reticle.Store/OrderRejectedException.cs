namespace Reticle.Store;

/// <summary>An order write the store refuses (an id already recorded, shipping an order that is not open). Nothing was written.</summary>
public sealed class OrderRejectedException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
