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

        try
        {
            // Ids already on record, or given twice, are found by the store under its write lock: no list of held ids is read.
            var audit = await workspace.Store.AddOrdersAsync([.. transactions.Select(t => new OrderDocument(t.Id, t.Date, t.SourceJson ?? "{}"))], actor, now, cancellationToken);
            return Attempt<IReadOnlyList<(Transaction, AuditRecord)>>.Done([.. transactions.Zip(audit)]);
        }
        catch (OrderRejectedException e)
        {
            return Refusal.Conflict(source, e.Problems);
        }
    }

    /// <summary>
    /// As <see cref="AddAsync(Workspace, string, string, string, Instant, CancellationToken)"/>, reading <paramref name="input"/> as it is
    /// written to the store (<see cref="TransactionStream"/>): neither the input nor the orders are held whole, so a book of any size
    /// is recorded in constant memory, still all or none.
    /// </summary>
    /// <returns>How many orders were recorded and the range of their audit records (<see cref="IReticleStore.ReadOrdersAddedAsync"/> reads them back).</returns>
    public static async Task<Attempt<OrdersAdded>> AddAsync(Workspace workspace, string source, Stream input, string actor, Instant now, CancellationToken cancellationToken)
    {
        var parameters = (await workspace.LoadRulesAsync(null, cancellationToken)).Parameters;
        var errors = new List<InputError>();

        async IAsyncEnumerable<OrderDocument> Read()
        {
            foreach (var (where, transaction) in TransactionStream.Read(source, input, errors))
            {
                // Parameters the rules in use cannot test are refused as an unknown field is: they would be dropped silently.
                parameters.RejectUnknown(new TransactionInput([transaction], true) { Places = [where] }, errors);
                // After the first problem nothing more is written (it will all be rolled back); the input is still read to the
                // end, so that every problem is reported at once.
                if (errors.Count == 0)
                {
                    yield return new OrderDocument(transaction.Id, transaction.Date, transaction.SourceJson ?? "{}");
                }
            }
            if (errors.Count > 0)
            {
                throw new InputRejectedException();
            }
            await Task.CompletedTask;
        }

        try
        {
            var added = await workspace.Store.AddOrdersAsync(Read(), actor, now, cancellationToken);
            return added.Count == 0
                ? Refusal.Invalid(source, "no transaction found (expected a JSON object, an array of objects, or JSON Lines)")
                : Attempt<OrdersAdded>.Done(added);
        }
        catch (InputRejectedException)
        {
            return Refusal.Invalid(errors);
        }
        catch (OrderRejectedException e)
        {
            return Refusal.Conflict(source, e.Problems);
        }
    }

    // Thrown through the store's write by the input it reads, so that the write rolls back; caught right here.
    private sealed class InputRejectedException : Exception;

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
