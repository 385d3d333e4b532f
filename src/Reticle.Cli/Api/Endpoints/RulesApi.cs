using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;

namespace Reticle.Cli.Api.Endpoints;

/// <summary><c>GET /api/v1/rules/timeline?kind=lithography</c>: the control entries of one item kind over time, per jurisdiction and overlay band (<see cref="RuleTimeline"/>).</summary>
internal static class RulesApi
{
    public static RouteGroupBuilder MapRules(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rules").WithTags("Rules").RequireAuthorization(p => p.RequireRole(Roles.Viewer));
        group.MapGet("/timeline", (ApiState state, string? kind) => ApiJson.Ok(RuleTimeline.Build(state.Rules, string.IsNullOrWhiteSpace(kind) ? "lithography" : kind.Trim())))
            .WithName("GetRuleTimeline")
            .WithSummary("The control entries of one item kind (default lithography) in the loaded rule packs: periods, thresholds, requirements and overlay (DCO) bands")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }
}
