using System.Text.Json.Nodes;
using Reticle.Audit;
using Reticle.Determination;
using Reticle.Service;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Store;
using Reticle.Time;

namespace Reticle.Service.Wire;

/// <summary>The JSON of <c>reticle orders --json</c> and <c>/api/v1/orders</c>: one writer, so both answer the same shapes.</summary>
internal static class OrdersJson
{
    public static JsonArray List(IEnumerable<StoredOrder> orders) => new([.. orders.Select(o => (JsonNode?)ListItem(o))]);

    /// <summary>One order of <see cref="List"/>.</summary>
    public static JsonObject ListItem(StoredOrder o) => new()
    {
        ["id"] = o.Id,
        ["date"] = EffectivePeriod.Format(o.PlannedDate),
        ["status"] = o.Status.ToWire(),
        ["latestOutcome"] = o.LatestOutcome,
    };

    /// <summary>What <c>orders add</c> recorded: <c>[{"id", "date", "status": "open", "auditSequence"}]</c>.</summary>
    public static JsonArray Added(IEnumerable<(Transaction Order, AuditRecord Audit)> added) => new([.. added.Select(a => (JsonNode?)new JsonObject
    {
        ["id"] = a.Order.Id,
        ["date"] = EffectivePeriod.Format(a.Order.Date),
        ["status"] = "open",
        ["auditSequence"] = a.Audit.Sequence,
    })]);

    /// <summary>One order of <see cref="Added"/>, as read back from the store after a streamed <c>orders add</c>.</summary>
    public static JsonObject AddedItem(StoredOrder o) => new()
    {
        ["id"] = o.Id,
        ["date"] = EffectivePeriod.Format(o.PlannedDate),
        ["status"] = "open",
        ["auditSequence"] = o.AuditSequence,
    };

    /// <summary><c>orders ship ID --json</c>: whether it shipped, what it drew, the release or hold, and the determination (CONTRACT §3).</summary>
    public static JsonObject Shipment(Shipment s) => new()
    {
        ["order"] = s.Determination.Transaction,
        ["shipped"] = s.Shipped,
        ["outcome"] = s.Determination.Outcome.ToWire(),
        ["consumed"] = new JsonArray([.. s.Uses.Select(u => (JsonNode?)LicenseEventJson.ToJson(u))]),
        ["releasedBy"] = s.ReleasedUnder is { } release
            ? new JsonObject { ["hold"] = release.Id, ["by"] = release.ReleasedBy, ["reasonCode"] = release.ReasonCode }
            : null,
        ["hold"] = s.Held?.Id,
        ["auditSequence"] = s.AuditSequence,
        ["determination"] = JsonNode.Parse(s.ResultJson),
    };
}
