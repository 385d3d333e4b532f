using NodaTime;
using Reticle.Determination;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// Ships an open order (<c>reticle orders ship</c>, <c>POST /orders/{id}/shipments</c>): decide on the day of shipping
/// (the clock's date in UTC), not on the order's planned date, with everything known now; if permitted or licensed, or a
/// reviewer's release still stands, draw the covering licence lines on that day and mark it shipped; otherwise hold it.
/// One store transaction, retried when a parallel shipment drew the line first.
/// </summary>
internal static class OrderShipping
{
    /// <summary>How often a shipment is decided again when a parallel one drew its licence line first.</summary>
    private const int Attempts = 3;

    /// <param name="basis">Rules, catalogue and screening as the caller holds them; the licence book in it must be freshly read.</param>
    /// <param name="where">How the order is named to the caller (the argument or the path parameter).</param>
    /// <returns>What shipping did; refused (<see cref="Rejection.NotFound"/>) for an unknown order, (<see cref="Rejection.Conflict"/>) for one not open.</returns>
    public static async Task<Attempt<Shipment>> ShipAsync(Workspace workspace, DecisionBasis basis, string id, string where, string actor, Instant now,
        CancellationToken cancellationToken)
    {
        if (await workspace.Store.GetOrderAsync(id, cancellationToken) is not { } order)
        {
            return Refusal.NotFound(where, $"order '{id}': no such order on record");
        }
        if (order.Status != OrderStatus.Open)
        {
            return Refusal.Conflict(where, $"order '{id}' is {order.Status.ToWire()}, not open");
        }
        var transaction = OrderRecording.Read(order);
        // A shipment is an act on the day it happens (CONTRACT §2): the planned date only places the order in impact analysis,
        // so a backdated order cannot ship under rules, licences or lists that no longer hold.
        var today = now.InUtc().Date;
        var release = (await workspace.Store.GetHoldsAsync(id, cancellationToken)).LastOrDefault(h => h.Status == "released");
        for (var attempt = 1; ; attempt++)
        {
            var determination = basis.Decide(transaction, today);
            var allowed = determination.Outcome is Outcome.Permitted or Outcome.NotApplicable or Outcome.Licensed;
            // A reviewer's release lets a stopped order go only while what it relied on still stands.
            var fingerprint = KnowledgeFingerprint.Of(determination.RuleSetHash, basis.ListVersions, basis.Licenses.Events.Length);
            var released = !allowed && release is not null && release.Fingerprint == fingerprint ? release : null;
            var ship = allowed || released is not null;
            var uses = allowed ? Uses(transaction, determination, today) : [];
            var hold = ship ? null : new HoldDocument(id, determination.Outcome.ToWire(), HoldReason(determination));
            var record = DeterminationRecords.Of(order.InputJson, determination);
            try
            {
                var audit = await workspace.Store.ShipOrderAsync(id, record, uses, ship, hold, actor, now, cancellationToken);
                var held = ship ? null : (await workspace.Store.GetHoldsAsync(id, cancellationToken)).LastOrDefault(h => h.Status == "held");
                return Attempt<Shipment>.Done(new Shipment(determination, record.ResultJson, ship, uses, audit.First(a => a.Kind == "determination").Sequence, released, held));
            }
            catch (LicenseEventRejectedException) when (attempt < Attempts)
            {
                // Another shipment drew the line between deciding and writing: decide again on the book as it is now.
                basis = basis with { Licenses = await workspace.LoadLicensesAsync(cancellationToken) };
            }
            catch (OrderRejectedException e)
            {
                // Shipped by another writer since we looked.
                return Refusal.Conflict(where, e.Problems);
            }
        }
    }

    /// <summary>Why the order is stopped, for the reviewer: each jurisdiction that stops it, and unresolved screening hits.</summary>
    private static string HoldReason(Determination.Determination d) => string.Join("; ",
        d.Jurisdictions.Where(j => j.Outcome is not (Outcome.Permitted or Outcome.NotApplicable or Outcome.Licensed))
            .Select(j => $"{j.Jurisdiction}: {j.Outcome.ToWire()}{(j.LicensesConsidered.IsDefaultOrEmpty ? "" : $" ({string.Join("; ", j.LicensesConsidered)})")}")
            .Concat(d.Screening.Where(h => h.Unresolved).Select(h => $"screening: {h.PartyName} ~ {h.Hit.Entry.Name} ({h.Hit.Entry.List}) unresolved")));

    /// <summary>The licence lines the shipment consumes: each jurisdiction's covering line, for the whole quantity and value, drawn and known on the day of shipping.</summary>
    private static LicenseEvent[] Uses(Transaction transaction, Determination.Determination determination, LocalDate today) =>
        [.. determination.Jurisdictions
            .Where(j => j.License is not null)
            .Select(j => new LicenseConsumed(j.License!.LicenseId, j.License.Line, transaction.Quantity, transaction.Value, transaction.Id, today, today))];
}
