using System.Text.Json.Nodes;
using NodaTime.Text;
using Reticle.Audit;
using Reticle.Store;

namespace Reticle.Service.Wire;

/// <summary>The JSON of <c>reticle holds --json</c> and <c>/api/v1/holds</c>: one writer, so both answer the same shapes.</summary>
internal static class HoldsJson
{
    /// <param name="currentFingerprint">What is known now (rules, lists, licence events); a release stands only while it is what the release recorded.</param>
    public static JsonArray List(IEnumerable<StoredHold> holds, string? currentFingerprint) => new([.. holds.Select(h => (JsonNode?)new JsonObject
    {
        ["id"] = h.Id,
        ["order"] = h.OrderId,
        ["status"] = h.Status,
        ["outcome"] = h.Outcome,
        ["reason"] = h.Reason,
        ["requestedBy"] = h.RequestedBy,
        ["placedAt"] = InstantPattern.ExtendedIso.Format(h.PlacedAt),
        ["releasedBy"] = h.ReleasedBy,
        ["reasonCode"] = h.ReasonCode,
        ["text"] = h.ReleaseText,
        ["releaseStands"] = Stands(h, currentFingerprint),
    })]);

    /// <summary>Whether a released hold's release still stands; null for a hold that is not released.</summary>
    public static bool? Stands(StoredHold hold, string? currentFingerprint) => hold.Status == "released" ? hold.Fingerprint == currentFingerprint : null;

    public static JsonObject Released(long id, string actor, AuditRecord audit) =>
        new() { ["hold"] = id, ["status"] = "released", ["by"] = actor, ["auditSequence"] = audit.Sequence };
}
