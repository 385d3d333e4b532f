using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/impact</c> (<c>{"knownAt": "YYYY-MM-DD", "vs": "YYYY-MM-DD"}</c>, <c>vs</c> today if left out): the CONTRACT §6
/// report, as <c>reticle impact --json</c>. Reads only; it builds a screening index per side, so it takes seconds.
/// The report is written as the changes are found (a large book's rule day does not fit in memory as one document).
/// </summary>
internal static class ImpactApi
{
    public static RouteGroupBuilder MapImpact(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/impact").WithTags("Impact").RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/", RunAsync)
            .WithName("Impact")
            .WithSummary("Re-evaluate every open order with what was known at two dates: {\"knownAt\", \"vs\"?}; the orders whose outcome changes and why")
            .TakesAndAnswersJson<Schemas.ImpactRequest, Schemas.ImpactReport>();
        return api;
    }

    private static async Task<IResult> RunAsync(HttpRequest request, ApiState state, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var (reader, refusal) = await JsonBody.ReadSmallObjectAsync(request, errors, cancellationToken);
        if (reader is null)
        {
            return refusal!;
        }
        var knownAt = reader.RequiredDate("knownAt");
        var vs = reader.OptionalDate("vs");
        var all = reader.OptionalBool("all");
        reader.RejectUnknown();
        if (errors.Count > 0 || knownAt is null)
        {
            return Problems.Rejected(errors);
        }
        var run = await ImpactRun.StartAsync(state.Workspace, knownAt.Value, vs ?? state.Workspace.Today, new ImpactOptions(all ?? false), cancellationToken);
        return ApiJson.Streamed((output, token) => run.WriteJsonAsync(output, ApiJson.Options, token));
    }
}
