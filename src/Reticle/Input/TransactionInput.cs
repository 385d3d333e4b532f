using Reticle.Model;

namespace Reticle.Input;

/// <summary>The transactions read from one input, and whether it was a single object (answered with a single object).</summary>
public sealed record TransactionInput(IReadOnlyList<Transaction> Transactions, bool IsSingleObject)
{
    public static TransactionInput None { get; } = new([], false);
}
