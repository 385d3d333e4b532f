using Reticle.Determination;
using Reticle.Model;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// A decision as it is stored and sealed, written once: the same text whichever host decided it (the command line, the
/// API, a shipment or a job), and the same text the caller is answered with.
/// </summary>
internal static class DeterminationRecords
{
    public static DeterminationRecord Of(Transaction transaction, Determination.Determination determination) =>
        Of(transaction.SourceJson ?? "{}", determination);

    /// <param name="inputJson">The input exactly as it was given (the transaction's own text, or a stored order's).</param>
    public static DeterminationRecord Of(string inputJson, Determination.Determination determination) => new(
        determination.Transaction, determination.AsOf, determination.KnownAt, determination.Outcome.ToWire(), determination.RuleSetHash,
        inputJson, DeterminationJson.ToText(determination));
}
