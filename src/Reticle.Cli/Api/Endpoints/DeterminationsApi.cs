using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Reticle.Cli.Api.Access;
using Reticle.Determination;
using Reticle.Input;
using Reticle.Store;

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
        // drawn or revoked a licence a moment ago); the engine counts only the events announced by the rules' knowledge date.
        var decider = await state.DeciderAsync(cancellationToken);
        decider.Rules.Parameters.RejectUnknown(input, errors);
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var transactions = input.Transactions;
        var determinations = transactions.Select(t => decider.Decide(t, date)).ToList();
        // Each decision is written as JSON once: the same text is stored, sealed in the audit log and answered.
        var results = determinations.Select(DeterminationJson.ToText).ToList();
        var records = transactions.Zip(determinations, results).Select(x => new DeterminationRecord(
            x.First.Id, x.Second.AsOf, x.Second.KnownAt, x.Second.Outcome.ToWire(), x.Second.RuleSetHash,
            x.First.SourceJson ?? "{}", x.Third)).ToList();
        await state.Determinations.RecordAsync(records, Actor(user), cancellationToken);
        return ApiJson.Text(wrapped ? $$"""{"determinations":[{{string.Join(",", results)}}]}""" : results[0]);
    }

    /// <summary>Who the audit record names: the key's name.</summary>
    public static string Actor(ClaimsPrincipal user) => $"{Hosting.CliEnvironment.ApiActorPrefix}{user.Identity?.Name ?? "unknown"}";
}
