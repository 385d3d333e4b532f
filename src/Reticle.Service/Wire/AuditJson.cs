using System.Text.Json.Nodes;
using NodaTime.Text;
using Reticle.Audit;

namespace Reticle.Service.Wire;

/// <summary>Audit records as <c>/api/v1/audit</c> answers them: the payload as JSON, both hashes, so a reader can check the chain itself.</summary>
internal static class AuditJson
{
    public static JsonObject Record(AuditRecord r) => new()
    {
        ["sequence"] = r.Sequence,
        ["at"] = InstantPattern.ExtendedIso.Format(r.At),
        ["actor"] = r.Actor,
        ["action"] = r.Kind,
        ["subject"] = Subject(r),
        ["payload"] = JsonNode.Parse(r.Payload),
        ["previousHash"] = r.PreviousHash,
        ["hash"] = r.Hash,
    };

    /// <summary>What the record is about, read from the payload fields the store writes (a transaction, licence, order, hold, dataset or key).</summary>
    private static string? Subject(AuditRecord r)
    {
        if (JsonNode.Parse(r.Payload) is not JsonObject payload)
        {
            return null;
        }
        foreach (var field in (string[])["transaction", "license", "hold", "order", "dataset", "name"])
        {
            if (payload[field] is JsonValue value)
            {
                return value.ToString();
            }
        }
        return null;
    }
}
