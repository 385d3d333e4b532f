using NodaTime;
using Reticle.Audit;
using Reticle.Input;
using Reticle.Model;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>Records open orders (transactions with their planned dates) for <c>reticle orders add</c> and the API alike; all or none.</summary>
internal static class OrderRecording
{
    /// <param name="source">How errors name the input: a file name, <c>&lt;stdin&gt;</c> or <c>body</c>.</param>
    /// <returns>The orders with their audit records; refused when invalid, or a <see cref="Rejection.Conflict"/> naming an order already on record.</returns>
    public static async Task<Attempt<IReadOnlyList<(Transaction Order, AuditRecord Audit)>>> AddAsync(Workspace workspace, string source, string text, string actor, Instant now,
        CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var input = TransactionReader.Read(source, text, errors);
        if (errors.Count == 0)
        {
            // Parameters the rules in use cannot test are refused as an unknown field is: they would be dropped silently.
            (await workspace.LoadRulesAsync(null, cancellationToken)).Parameters.RejectUnknown(input, errors);
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }
        var transactions = input.Transactions;

        var held = (await workspace.Store.GetOrdersAsync(null, cancellationToken)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(transactions.Where(t => held.Contains(t.Id)).Select(t => new InputError(source, $"order '{t.Id}' is already recorded")));
        if (errors.Count > 0)
        {
            return Refusal.Conflict(errors);
        }
        try
        {
            var audit = await workspace.Store.AddOrdersAsync([.. transactions.Select(t => new OrderDocument(t.Id, t.Date, t.SourceJson ?? "{}"))], actor, now, cancellationToken);
            return Attempt<IReadOnlyList<(Transaction, AuditRecord)>>.Done([.. transactions.Zip(audit)]);
        }
        catch (OrderRejectedException e)
        {
            // Recorded by another writer since we looked.
            return Refusal.Conflict(source, e.Problems);
        }
    }

    /// <summary>A stored order's transaction; it was read strictly when added, so failing now is a broken store.</summary>
    public static Transaction Read(StoredOrder order)
    {
        var errors = new List<InputError>();
        var read = TransactionReader.Read($"order {order.Id}", order.InputJson, errors).Transactions;
        return errors.Count == 0 && read.Count == 1
            ? read[0]
            : throw new InvalidOperationException($"stored order {order.Id} does not read: {string.Join("; ", errors)}");
    }
}
