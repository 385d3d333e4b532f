using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Audit;
using Reticle.Cli.Api.Access;

namespace Reticle.Cli.Api.Endpoints;

/// <summary><c>GET /api/v1/audit/verify</c>: recompute the hash chain, as <c>reticle audit verify --json</c>.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Viewer));
        group.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .WithSummary("Verify the tamper-evident audit chain; names the first bad record if it is broken")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> VerifyAsync(ApiState state, CancellationToken cancellationToken)
    {
        var store = state.Workspace.Store;
        var head = await store.ReadAuditHeadAsync(cancellationToken);
        var records = new List<AuditRecord>();
        await foreach (var record in store.ReadAuditAsync(cancellationToken))
        {
            records.Add(record);
        }
        var result = AuditChain.Verify(records, head);
        return ApiJson.Ok(new JsonObject
        {
            ["intact"] = result.IsIntact,
            ["recordsVerified"] = result.RecordsVerified,
            ["firstBadRecord"] = result.FirstBadSequence,
            ["problem"] = result.Problem,
            ["head"] = head?.Hash,
        });
    }
}
