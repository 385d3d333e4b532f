using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reticle.Cli.Api.Endpoints;

/// <summary><c>GET /health</c> and <c>GET /api/v1/health</c>: anonymous liveness, with the loaded rules and lists.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes, string pattern)
    {
        routes.MapGet(pattern, (ApiState state) => ApiJson.Ok(new JsonObject
            {
                ["status"] = "ok",
                ["ruleSet"] = state.Rules.Hash,
                ["rulePacks"] = state.Rules.Packs.Count,
                ["listVersions"] = new JsonObject([.. state.Screening.Lists.Versions.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value))]),
            }))
            .WithTags("Health")
            .WithSummary("Liveness (no key needed)")
            .AllowAnonymous()
            .Produces<Schemas.Health>(StatusCodes.Status200OK, "application/json");
        return routes;
    }
}
