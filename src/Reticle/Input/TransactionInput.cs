using Reticle.Model;

namespace Reticle.Input;

/// <summary>The transactions read from one input, and whether it was a single object (answered with a single object).</summary>
public sealed record TransactionInput(IReadOnlyList<Transaction> Transactions, bool IsSingleObject)
{
    public static TransactionInput None { get; } = new([], false);

    /// <summary>Where each transaction was in the input (its JSON path), in the order of <see cref="Transactions"/>.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
}
