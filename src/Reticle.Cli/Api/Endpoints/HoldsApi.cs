using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>GET /api/v1/holds</c> (as <c>reticle holds --json</c>) and <c>POST /api/v1/holds/{id}/release</c> (<c>{"reasonCode", "text"}</c>):
/// a reviewer releases, and never the key that requested the determination (four eyes, checked by the store under its write lock: 403).
/// </summary>
internal static class HoldsApi
{
    public static RouteGroupBuilder MapHolds(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/holds").WithTags("Holds");
        group.MapGet("/", ListAsync)
            .WithName("GetHolds")
            .WithSummary("Holds on orders: held, released (and whether the release still stands), lapsed")
            .ReadByViewers<IReadOnlyList<Schemas.Hold>>();
        group.MapPost("/{id:long}/release", ReleaseAsync)
            .WithName("ReleaseHold")
            .WithSummary("Release a hold: {\"reasonCode\", \"text\"}; the caller must not be who requested the determination (four eyes)")
            .RequireAuthorization(p => p.RequireRole(Roles.Reviewer))
            .TakesAndAnswersJson<Schemas.HoldReleaseRequest, Schemas.HoldReleased>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(ApiState state, CancellationToken cancellationToken)
    {
        var holds = await state.Workspace.Store.GetHoldsAsync(null, cancellationToken);
        var current = holds.Any(h => h.Status == "released") ? await KnowledgeFingerprint.CurrentAsync(state.Workspace, cancellationToken) : null;
        return ApiJson.Ok(HoldsJson.List(holds, current));
    }

    private static async Task<IResult> ReleaseAsync(long id, HttpRequest request, ClaimsPrincipal user, ApiState state, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var (reader, refusal) = await JsonBody.ReadSmallObjectAsync(request, errors, cancellationToken);
        if (reader is null)
        {
            return refusal!;
        }
        var reasonCode = reader.RequiredString("reasonCode");
        var explanation = reader.RequiredString("text");
        reader.RejectUnknown();
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var actor = DeterminationsApi.Actor(user);
        var released = await HoldRelease.ReleaseAsync(state.Workspace, id, reasonCode!, explanation!, ("id", reader.PathOf("reasonCode"), reader.PathOf("text")),
            actor, state.Clock.GetCurrentInstant(), cancellationToken);
        return released.Refusal is { } refused ? Problems.From(refused) : ApiJson.Ok(HoldsJson.Released(id, actor, released.Value!));
    }
}
