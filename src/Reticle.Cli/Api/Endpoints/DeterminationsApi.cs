using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Input;
using Reticle.Service;

namespace Reticle.Cli.Api.Endpoints;

/// <summary><c>POST /api/v1/determinations</c>: decide, store each decision with its audit record (as <c>reticle check</c> does), answer CONTRACT §3.</summary>
internal static class DeterminationsApi
{
    public static RouteGroupBuilder MapDeterminations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/determinations").WithTags("Determinations").RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/", PostAsync)
            .WithName("Determine")
            .WithSummary("Determine one transaction, or {\"transactions\": [...]}; each decision is stored with its audit record")
            .TakesAndAnswersJson<Schemas.DeterminationRequest, Schemas.DeterminationAnswer>();
        return api;
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ClaimsPrincipal user, ApiState state, string? asOf, CancellationToken cancellationToken)
    {
        LocalDate? date = null;
        if (asOf is not null)
        {
            date = InputDate.Parse(asOf, out var error);
            if (date is null)
            {
                return Problems.Rejected("asOf", error!);
            }
        }
        var text = await RequestBody.ReadTextAsync(request, RequestBody.Determinations, cancellationToken);
        if (text is null)
        {
            return Problems.TooLarge(RequestBody.Determinations);
        }
        var errors = new List<InputError>();
        var (input, wrapped) = DeterminationRequest.Read(text, errors);
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }

        // As `reticle check` decides: the current lists, and every licence event on record read now (another node may have
        // drawn or revoked a licence a moment ago); the engine counts only the events announced by the rules' basis date.
        var basis = await state.BasisAsync(cancellationToken);
        basis.Rules.Parameters.RejectUnknown(input, errors);
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var records = input.Transactions.Select(t => DeterminationRecords.Of(t, basis.Decide(t, date))).ToList();
        // Each decision is written as JSON once: the same text is stored, sealed in the audit log and answered.
        await state.Determinations.RecordAsync(records, Actor(user), cancellationToken);
        return ApiJson.Text(wrapped ? $$"""{"determinations":[{{string.Join(",", records.Select(r => r.ResultJson))}}]}""" : records[0].ResultJson);
    }

    /// <summary>Who the audit record names: the key's name.</summary>
    public static string Actor(ClaimsPrincipal user) => ApiKeys.Actor(user.Identity?.Name ?? "unknown");
}
