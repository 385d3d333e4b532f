using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reticle.Cli.Api.Endpoints;

/// <summary><c>GET /api/v1/rules/timeline?kind=lithography</c>: the control entries of one item kind over time, per jurisdiction and overlay band (<see cref="RuleTimeline"/>).</summary>
internal static class RulesApi
{
    public static RouteGroupBuilder MapRules(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rules").WithTags("Rules");
        group.MapGet("/timeline", (ApiState state, string? kind) => ApiJson.Ok(RuleTimeline.Build(state.Rules, string.IsNullOrWhiteSpace(kind) ? "lithography" : kind.Trim())))
            .WithName("GetRuleTimeline")
            .WithSummary("The control entries of one item kind (default lithography) in the loaded rule packs: periods, thresholds, requirements and overlay (DCO) bands")
            .ReadByViewers<Schemas.RuleTimeline>();
        return api;
    }
}
