using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>GET /api/v1/rules/timeline?kind=lithography</c>: the control entries of one item kind over time, per jurisdiction and overlay band
/// (<see cref="RuleTimeline"/>); <c>GET /api/v1/rules/diff?old=ID&amp;new=ID</c>: what changed between two packs in use.
/// </summary>
internal static class RulesApi
{
    private static async Task<IResult> TimelineWithDraftsAsync(HttpRequest request, ApiState state, CancellationToken cancellationToken)
    {
        var (upload, refusal) = await DraftUpload.ReadAsync(request, ["kind"], cancellationToken);
        if (upload is null)
        {
            return refusal!;
        }
        if (upload.Errors.Count > 0)
        {
            return Problems.Rejected(upload.Errors);
        }
        var errors = new List<Reticle.Rules.Packs.PackError>();
        var compiled = Reticle.WhatIf.DraftRules.Compile(state.Workspace.LoadRulePacks(), upload.Drafts, null, errors);
        if (compiled is null)
        {
            return DraftUpload.Rejected(errors);
        }
        var kind = upload.Form["kind"].FirstOrDefault() is { Length: > 0 } k ? k.Trim() : "lithography";
        return ApiJson.Ok(RuleTimeline.Build(compiled.WithDrafts, kind, compiled.Drafts.Select(d => d.Id).ToHashSet(StringComparer.Ordinal)));
    }

    private static IResult Diff(ApiState state, string? old, string? @new)
    {
        var packs = state.Rules.Packs.Select(p => p.Source).ToList();
        var errors = new List<Input.InputError>();
        List<Rules.Packs.RulePack> Side(string name, string? id)
        {
            var found = packs.Where(p => p.Id == id).ToList();
            if (found.Count == 0)
            {
                errors.Add(new Input.InputError(name, id is null ? "missing: give a pack id in use" : $"'{id}' is not a pack in use"));
            }
            return found;
        }
        var (before, after) = (Side("old", old), Side("new", @new));
        return errors.Count > 0 ? Problems.Rejected(errors) : ApiJson.Ok(Reticle.Rules.Diff.RuleChangesJson.ToJson(Reticle.Rules.Diff.PackDiff.Compare(before, after)));
    }

    public static RouteGroupBuilder MapRules(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rules").WithTags("Rules");
        group.MapGet("/timeline", (ApiState state, string? kind) => ApiJson.Ok(RuleTimeline.Build(state.Rules, string.IsNullOrWhiteSpace(kind) ? "lithography" : kind.Trim())))
            .WithName("GetRuleTimeline")
            .WithSummary("The control entries of one item kind (default lithography) in the loaded rule packs: periods, thresholds, requirements and overlay (DCO) bands")
            .ReadByViewers<Schemas.RuleTimeline>();
        group.MapPost("/timeline", TimelineWithDraftsAsync)
            .WithName("GetRuleTimelineWithDrafts")
            .WithSummary("The same picture with draft rule packs added (multipart: files, kind?): the drafts' packs are marked draft; nothing is put in force")
            .RequireAuthorization(p => p.RequireRole(Reticle.Service.Access.Roles.Viewer))
            .DisableAntiforgery()
            .Accepts<Schemas.RuleTimelineRequest>("multipart/form-data")
            .Produces<Schemas.RuleTimeline>(StatusCodes.Status200OK, "application/json")
            .RefusesBadInput();
        group.MapGet("/diff", Diff)
            .WithName("GetRuleDiff")
            .WithSummary("What changed between two rule packs in use (old, new: pack ids): entries and requirements added, removed or changed, with thresholds and dates before and after (reticle packs diff)")
            .ReadByViewers<Schemas.RuleChanges>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }
}
