using System.Text.Json.Nodes;
using NodaTime.Text;
using Reticle.Store;

namespace Reticle.Service.Wire;

/// <summary>API keys as <c>reticle keys --json</c> lists them: never the key or its hash.</summary>
internal static class ApiKeysJson
{
    public static JsonArray List(IEnumerable<ApiKeyDocument> keys) => new([.. keys.Select(k => (JsonNode)new JsonObject
    {
        ["name"] = k.Name,
        ["role"] = k.Role,
        ["created"] = k.CreatedAt is { } created ? InstantPattern.ExtendedIso.Format(created) : null,
        ["lastUsed"] = k.LastUsedAt is { } used ? InstantPattern.ExtendedIso.Format(used) : null,
        ["revoked"] = k.RevokedAt is { } revoked ? InstantPattern.ExtendedIso.Format(revoked) : null,
    })]);
}
