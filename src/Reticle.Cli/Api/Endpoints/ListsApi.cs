using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Input;
using Reticle.Screening.Import;
using Reticle.Store;
using Reticle.Time;
using Reticle.Service;
using Reticle.Service.Jobs;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>GET /api/v1/lists</c> (the snapshots in use, as <c>reticle lists --json</c>) and <c>POST /api/v1/lists/imports</c>
/// (multipart files with a <c>format</c> field, or a raw body with <c>?format=</c>): each file (or OFAC file set) all or
/// nothing, answering what changed; the screening index is rebuilt after.
/// </summary>
internal static class ListsApi
{
    public static RouteGroupBuilder MapLists(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lists").WithTags("Lists");
        group.MapGet("/", GetAsync)
            .WithName("GetLists")
            .WithSummary("The list snapshots in use (all=true: every snapshot held)")
            .ReadByViewers<IReadOnlyList<Schemas.ListSnapshot>>();
        group.MapPost("/imports", ImportAsync)
            .WithName("ImportLists")
            .WithSummary("Import list snapshots: multipart/form-data files and a 'format' field, or a raw body with ?format=F&name=FILE")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .DisableAntiforgery()
            .Produces<IReadOnlyList<Schemas.ListImport>>(StatusCodes.Status200OK, "application/json")
            .RefusesBadInput();
        return api;
    }

    private static async Task<IResult> GetAsync(ApiState state, bool? all, CancellationToken cancellationToken)
    {
        return ApiJson.Ok(ListsJson.Snapshots(await state.Workspace.Store.GetListSnapshotsAsync(cancellationToken), all == true));
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, System.Security.Claims.ClaimsPrincipal user, ApiState state, ApiJobs jobs, string? format, string? name,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > RequestBody.Lists)
        {
            return Problems.TooLarge(RequestBody.Lists);
        }
        List<ListFile> files;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            format ??= form["format"].FirstOrDefault();
            files = [];
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                files.Add(new ListFile(Path.GetFileName(file.FileName is { Length: > 0 } f ? f : file.Name), content.ToArray()));
            }
        }
        else
        {
            var bytes = await RequestBody.ReadAsync(request, RequestBody.Lists, cancellationToken);
            if (bytes is null)
            {
                return Problems.TooLarge(RequestBody.Lists);
            }
            files = bytes.Length == 0 ? [] : [new ListFile(Path.GetFileName(name is { Length: > 0 } n ? n : "body"), bytes)];
        }
        if (format is null)
        {
            return Problems.Rejected("format", $"missing: give the files' format ({string.Join(", ", ListFormat.All.Select(f => f.Id))})");
        }
        if (ListFormat.Find(format) is not { } listFormat)
        {
            return Problems.Rejected("format", $"'{format}' is not one of {string.Join(", ", ListFormat.All.Select(f => f.Id))}");
        }
        if (files.Count == 0)
        {
            return Problems.Rejected("files", "no file given");
        }
        var sets = listFormat.TakesFileSet ? [files] : files.Select(f => new List<ListFile> { f }).ToList();
        var actor = DeterminationsApi.Actor(user);
        var (results, rejected) = await state.ImportAsync(async () =>
        {
            var results = new List<(IEnumerable<string> Files, ListImports.Result Result)>();
            var rejected = new List<InputError>();
            foreach (var set in sets)
            {
                try
                {
                    var imported = await ListImports.ImportAsync(state.Workspace.Store, listFormat.Id, set, actor, state.Clock.GetCurrentInstant(), cancellationToken);
                    if (imported.Refusal is { } refusal)
                    {
                        rejected.AddRange(refusal.Problems);
                        continue;
                    }
                    results.Add((set.Select(f => f.Name), imported.Value!));
                }
                catch (ConcurrentImportException e)
                {
                    rejected.Add(new InputError(string.Join(", ", set.Select(f => f.Name)), e.Message));
                }
            }
            return ((results, rejected), results.Any(r => r.Result.Stored is not null));
        }, cancellationToken);
        // As after `reticle lists import`: the open orders' parties are screened again (a job, answered before it runs), and
        // the answer names it.
        var rescreening = await Rescreening.AfterImportsAsync(state.Workspace, jobs.QueueAsync, results.Select(r => r.Result), actor, cancellationToken);
        var answer = new JsonArray([.. results.Select(r => (JsonNode?)ListsJson.Imported(r.Files, r.Result, rescreening))]);
        return rejected.Count == 0 ? ApiJson.Ok(answer) : Problems.Rejected(rejected,
            answer.Count == 0 ? "The list import was rejected; nothing was stored." : "Some list files were rejected; the others were imported (each file is all or nothing)."
                + (rescreening is null ? "" : $" Re-screening job {rescreening.Id} follows them."));
    }
}
