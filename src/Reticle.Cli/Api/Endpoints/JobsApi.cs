using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Access;
using Reticle.Service.Jobs;
using Reticle.Service.Wire;
using Reticle.Store;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// Jobs (CONTRACT §8): <c>POST /api/v1/jobs</c> (<c>{"kind": "impact", "knownAt", "vs"}</c>, or multipart with a CSV file and
/// <c>kind=screening</c>, or multipart with draft rule packs as <c>files</c> and <c>kind=whatif</c>), <c>GET /api/v1/jobs</c>, <c>GET /api/v1/jobs/{id}</c>, <c>GET /api/v1/jobs/{id}/results</c> (JSON
/// Lines, streamed) and <c>POST /api/v1/jobs/{id}/cancel</c>. Analysts submit and cancel; every role reads.
/// </summary>
internal static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");
        group.MapPost("/", SubmitAsync)
            .WithName("SubmitJob")
            .WithSummary("Submit a job: {\"kind\": \"impact\", \"knownAt\", \"vs\"}, or multipart/form-data with kind=screening, a CSV file (as 'screen --batch') and an optional threshold, or kind=whatif with draft rule packs as files (as POST /whatif) and optional knownAt, all; 202 with the job")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst))
            .DisableAntiforgery()
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                // Two bodies: an impact job as JSON, a screening job (its CSV) or a what-if job (its drafts) as a form. (Accepts<T> would also make the
                // endpoint refuse every other content type.)
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(Schemas.ImpactJobRequest), null, cancellationToken) },
                        ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(Schemas.JobForm), null, cancellationToken) },
                    },
                };
            })
            .Produces<Schemas.Job>(StatusCodes.Status202Accepted, "application/json")
            .RefusesBadInput();
        group.MapGet("/", ListAsync)
            .WithName("GetJobs")
            .WithSummary("Jobs, newest first, with status and progress")
            .ReadByViewers<IReadOnlyList<Schemas.Job>>();
        group.MapGet("/{id}", GetAsync)
            .WithName("GetJob")
            .WithSummary("One job: status, progress, and once completed its result digest and the audit record sealing it")
            .ReadByViewers<Schemas.Job>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/results", ResultsAsync)
            .WithName("GetJobResults")
            .WithSummary("A completed job's results, one JSON line per result in input order (screening: as 'screen --batch'; impact: CONTRACT §6 changes)")
            .RequireAuthorization(p => p.RequireRole(Roles.Viewer))
            .Produces<Schemas.JobResult>(StatusCodes.Status200OK, "application/jsonl")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelJob")
            .WithSummary("Cancel a queued or running job; the results of shards already done are dropped")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst))
            .Produces<Schemas.Job>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static IJobStore Jobs(ApiState state) => (IJobStore)state.Workspace.Store;

    private static async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, ApiState state, ApiJobs jobs, CancellationToken cancellationToken)
    {
        var actor = DeterminationsApi.Actor(user);
        Attempt<StoredJob> submitted;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form["kind"].FirstOrDefault() is WhatIfJob.KindName)
            {
                return await SubmitWhatIfAsync(request, state, jobs, actor, cancellationToken);
            }
            var unknown = form.Keys.Where(k => k is not ("kind" or "threshold" or "shardSize")).Select(k => new InputError($"form.{k}", "unknown field")).ToList();
            if (unknown.Count > 0)
            {
                return Problems.Rejected(unknown);
            }
            if (form["kind"].FirstOrDefault() is not "screening")
            {
                return Problems.Rejected("form.kind", $"'{form["kind"].FirstOrDefault()}': a multipart submission is a screening job (kind=screening) or a what-if job (kind=whatif)");
            }
            if (form.Files is not [var file])
            {
                return Problems.Rejected("form.file", "give exactly one CSV file");
            }
            var name = Path.GetFileName(file.FileName is { Length: > 0 } f ? f : file.Name);
            if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return Problems.Rejected(name, $"unknown format '{Path.GetExtension(name)}': a screening job takes a CSV (.csv) as 'screen --batch' does");
            }
            double? threshold = null;
            if (form["threshold"].FirstOrDefault() is { } t)
            {
                if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    return Problems.Rejected("form.threshold", $"'{t}' is not a number");
                }
                threshold = value;
            }
            int? shardSize = null;
            if (form["shardSize"].FirstOrDefault() is { } s)
            {
                if (!int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 1)
                {
                    return Problems.Rejected("form.shardSize", $"'{s}' is not a whole number of at least 1");
                }
                shardSize = size;
            }
            var queue = await jobs.QueueAsync(cancellationToken);
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            try
            {
                submitted = await JobSubmission.ScreeningAsync(state.Workspace, queue, name, reader, threshold, shardSize, actor, cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return Problems.Rejected(name, "the file is not valid UTF-8");
            }
        }
        else
        {
            var errors = new List<InputError>();
            var (body, refusal) = await JsonBody.ReadSmallObjectAsync(request, errors, cancellationToken);
            if (body is null)
            {
                return refusal!;
            }
            var kind = body.RequiredString("kind");
            var knownAt = body.RequiredDate("knownAt");
            var vs = body.RequiredDate("vs");
            var shardSize = body.OptionalInteger("shardSize");
            body.RejectUnknown();
            if (kind is not null and not "impact")
            {
                errors.Add(new InputError(body.PathOf("kind"), $"'{kind}': a JSON submission is an impact job (screening takes a CSV as multipart/form-data)"));
            }
            if (shardSize is < 1)
            {
                errors.Add(new InputError(body.PathOf("shardSize"), "must be at least 1"));
            }
            if (errors.Count > 0 || knownAt is null || vs is null)
            {
                return Problems.Rejected(errors);
            }
            submitted = await JobSubmission.ImpactAsync(state.Workspace, await jobs.QueueAsync(cancellationToken), knownAt.Value, vs.Value, shardSize, actor, cancellationToken);
        }
        if (submitted.Refusal is { } refused)
        {
            return Problems.From(refused);
        }
        var job = await Jobs(state).GetJobAsync(submitted.Value!.Id, cancellationToken) ?? submitted.Value;
        return new AcceptedJson($"/api/v1/jobs/{job.Id}", JobJson.Of(job).ToJsonString(ApiJson.Options));
    }

    /// <summary>A what-if job: the drafts as <c>POST /whatif</c> takes them, validated before anything is stored or queued.</summary>
    private static async Task<IResult> SubmitWhatIfAsync(HttpRequest request, ApiState state, ApiJobs jobs, string actor, CancellationToken cancellationToken)
    {
        var (upload, refusal) = await DraftUpload.ReadAsync(request, ["kind", "knownAt", "all", "shardSize"], cancellationToken);
        if (upload is null)
        {
            return refusal!;
        }
        var (form, errors) = (upload.Form, upload.Errors);
        var knownAt = form["knownAt"].FirstOrDefault() is { Length: > 0 } text ? WhatIfApi.Date("form.knownAt", text, errors) : null;
        var all = WhatIfApi.Flag(form, "all", errors);
        int? shardSize = null;
        if (form["shardSize"].FirstOrDefault() is { } s)
        {
            if (!int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                errors.Add(new InputError("form.shardSize", $"'{s}' is not a whole number of at least 1"));
            }
            shardSize = size;
        }
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var submitted = await JobSubmission.WhatIfAsync(state.Workspace, await jobs.QueueAsync(cancellationToken), upload.Drafts, knownAt, all ?? false, shardSize, actor,
            cancellationToken);
        if (submitted.Refusal is { } refused)
        {
            return Problems.Rejected(refused.Problems, "The draft rule packs do not validate with the packs in use; nothing was queued.");
        }
        var job = await Jobs(state).GetJobAsync(submitted.Value!.Id, cancellationToken) ?? submitted.Value;
        return new AcceptedJson($"/api/v1/jobs/{job.Id}", JobJson.Of(job).ToJsonString(ApiJson.Options));
    }

    private static async Task<IResult> ListAsync(ApiState state, CancellationToken cancellationToken) =>
        ApiJson.Ok(JobJson.Of(await Jobs(state).GetJobsAsync(100, cancellationToken)));

    private static async Task<StoredJob?> FindAsync(ApiState state, string id, CancellationToken cancellationToken) =>
        JobIds.IsWellFormed(id) ? await Jobs(state).GetJobAsync(id, cancellationToken) : null;

    private static async Task<IResult> GetAsync(string id, ApiState state, CancellationToken cancellationToken) =>
        await FindAsync(state, id, cancellationToken) is { } job ? ApiJson.Ok(JobJson.Of(job)) : Problems.NotFound("id", $"no job '{id}'");

    private static async Task<IResult> ResultsAsync(string id, ApiState state, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await FindAsync(state, id, cancellationToken) is not { } job)
        {
            return Problems.NotFound("id", $"no job '{id}'");
        }
        if (job.Status != JobStatus.Completed)
        {
            return Problems.From(Refusal.Conflict("id", $"job '{id}' is {job.Status}: only a completed job has results"));
        }
        return new JsonLinesResult(Jobs(state).ReadJobResultsAsync(job.Id, cancellationToken), job);
    }

    private static async Task<IResult> CancelAsync(string id, ApiState state, ApiJobs jobs, CancellationToken cancellationToken)
    {
        if (await FindAsync(state, id, cancellationToken) is not { } job)
        {
            return Problems.NotFound("id", $"no job '{id}'");
        }
        if (job.Status is JobStatus.Queued or JobStatus.Running)
        {
            await jobs.StopRunHereAsync(job.Id);
        }
        if (!await Jobs(state).CancelJobAsync(job.Id, state.Clock.GetCurrentInstant(), cancellationToken))
        {
            // Said with the status it has now: it may have ended since it was read above.
            var now = await Jobs(state).GetJobAsync(job.Id, cancellationToken) ?? job;
            return Problems.From(Refusal.Conflict("id", $"job '{id}' is {now.Status}: only a queued or running job can be cancelled"));
        }
        return ApiJson.Ok(JobJson.Of((await Jobs(state).GetJobAsync(job.Id, cancellationToken))!));
    }

    /// <summary>202 with the job and where to follow it.</summary>
    private sealed class AcceptedJson(string location, string json) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status202Accepted;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
        }
    }

    /// <summary>The results streamed as they are read from the store: a job of millions of results is never held.</summary>
    private sealed class JsonLinesResult(IAsyncEnumerable<string> lines, StoredJob job) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/jsonl; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"{job.Id}.jsonl\"";
            response.Headers["X-Result-Digest"] = job.ResultDigest;
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
            await foreach (var line in lines.WithCancellation(httpContext.RequestAborted))
            {
                await writer.WriteAsync(line);
                await writer.WriteAsync('\n');
            }
        }
    }
}
