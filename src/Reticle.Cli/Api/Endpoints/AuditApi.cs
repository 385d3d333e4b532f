using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Audit;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>GET /api/v1/audit?after=SEQ&amp;limit=N</c>: the audit chain in ascending sequence order, a page at a time (the answer's
/// <c>next</c> is the <c>after</c> of the following page); <c>GET /api/v1/audit/verify</c>: recompute the hash chain, as
/// <c>reticle audit verify --json</c>.
/// </summary>
internal static class AuditApi
{
    public const int DefaultLimit = 100;

    /// <summary>The most records one page holds; a larger <c>limit</c> is capped to it.</summary>
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit");
        group.MapGet("/", PageAsync)
            .WithName("GetAudit")
            .WithSummary($"Audit records after sequence 'after' (default 0), oldest first, at most 'limit' (default {DefaultLimit}, capped at {MaxLimit}); 'next' pages on")
            .ReadByViewers<Schemas.AuditPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .WithSummary("Verify the tamper-evident audit chain; names the first bad record if it is broken")
            .ReadByViewers<Schemas.AuditVerification>();
        return api;
    }

    // Query values are read as text so that a bad one is a problem naming it, like every other bad input.
    private static async Task<IResult> PageAsync(ApiState state, string? after, string? limit, CancellationToken cancellationToken)
    {
        var from = 0L;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from)))
        {
            return Problems.Rejected("after", $"'{after}' is not a sequence number (a whole number from 0)");
        }
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            return Problems.Rejected("limit", $"'{limit}' is not a page size (a whole number from 1; at most {MaxLimit} are given)");
        }
        var records = await state.Workspace.Store.ReadAuditPageAsync(from, Math.Min(size, MaxLimit), cancellationToken);
        return ApiJson.Ok(new JsonObject
        {
            ["records"] = new JsonArray([.. records.Select(r => (JsonNode?)AuditJson.Record(r))]),
            // A full page may have more after it; a short one is the end of the chain as it stands.
            ["next"] = records.Count == Math.Min(size, MaxLimit) ? records[^1].Sequence : null,
        });
    }

    private static async Task<IResult> VerifyAsync(ApiState state, CancellationToken cancellationToken)
    {
        var store = state.Workspace.Store;
        var result = await store.VerifyAuditAsync(cancellationToken);
        var head = await store.ReadAuditHeadAsync(cancellationToken);
        return ApiJson.Ok(AuditVerificationJson.Of(result, head, anchors: 0));
    }
}
