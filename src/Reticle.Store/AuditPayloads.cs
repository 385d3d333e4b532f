using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime.Text;

namespace Reticle.Store;

/// <summary>The audit payloads the store writes, so both providers record the same facts in the same shape.</summary>
internal static class AuditPayloads
{
    public const string ContentImported = "content.imported";
    public const string Determination = "determination";
    public const string ListImported = "list.imported";
    public const string OwnershipImported = "ownership.imported";
    public const string LicenseEvent = "license.event";
    public const string OrderAdded = "order.added";
    public const string OrderShipped = "order.shipped";
    public const string HoldPlaced = "hold.placed";
    public const string HoldReleased = "hold.released";
    public const string HoldLapsed = "hold.lapsed";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";

    /// <summary><c>{"dataset", "format", "published", "sha256", "entries", "changes"}</c> for one list snapshot.</summary>
    public static JsonObject ForList(ListSnapshotDocument snapshot) => new()
    {
        ["dataset"] = snapshot.Dataset,
        ["format"] = snapshot.Format,
        ["published"] = snapshot.Published is { } published ? LocalDatePattern.Iso.Format(published) : null,
        ["sha256"] = snapshot.Sha256,
        ["entries"] = snapshot.EntryCount,
        ["changes"] = ParseJson(snapshot.ChangesJson, nameof(ListSnapshotDocument.ChangesJson), snapshot.Dataset),
    };

    /// <summary><c>{"dataset", "format", "sha256", "stakes", "changes"}</c> for one ownership snapshot.</summary>
    public static JsonObject ForOwnership(OwnershipSnapshotDocument snapshot) => new()
    {
        ["dataset"] = snapshot.Dataset,
        ["format"] = snapshot.Format,
        ["sha256"] = snapshot.Sha256,
        ["stakes"] = snapshot.StakeCount,
        ["changes"] = ParseJson(snapshot.ChangesJson, nameof(OwnershipSnapshotDocument.ChangesJson), snapshot.Dataset),
    };

    /// <summary><c>{"documents": [{"kind", "name", "sha256"}, ...]}</c> for the documents actually added.</summary>
    public static JsonObject ForContent(IEnumerable<ContentDocument> added) => new()
    {
        ["documents"] = new JsonArray(added
            .Select(d => (JsonNode)new JsonObject
            {
                ["kind"] = StoredContentKind.Name(d.Kind),
                ["name"] = d.Name,
                ["sha256"] = d.Sha256,
            })
            .ToArray()),
    };

    private static JsonNode? ParseJson(string json, string field, string owner)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The {field} of '{owner}' is not valid JSON: {e.Message}", e);
        }
    }
}
