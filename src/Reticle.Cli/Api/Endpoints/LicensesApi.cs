using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>/api/v1/licenses</c>: list (as <c>reticle licenses --json</c>), one licence (as <c>licenses show ID --json</c>),
/// record licences (CONTRACT §5; all or none) and revoke one (as <c>licenses revoke</c>). Writes need a reviewer.
/// </summary>
internal static class LicensesApi
{
    public static RouteGroupBuilder MapLicenses(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/licenses").WithTags("Licenses");
        group.MapGet("/", ListAsync)
            .WithName("GetLicenses")
            .WithSummary("The licences on record: status today, validity, remaining balance per line")
            .ReadByViewers<IReadOnlyList<Schemas.LicenseSummary>>();
        group.MapGet("/{id}", ShowAsync)
            .WithName("GetLicense")
            .WithSummary("A licence's terms, events, use and remaining balance per line, and status today")
            .ReadByViewers<Schemas.LicenseDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", AddAsync)
            .WithName("AddLicenses")
            .WithSummary("Record licences (CONTRACT §5): one object, an array, or {\"licenses\": [...]}; any error records none")
            .RequireAuthorization(p => p.RequireRole(Roles.Reviewer))
            .TakesJsonAndCreates<Schemas.LicensesRequest, IReadOnlyList<Schemas.LicenseRecorded>>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/revocations", RevokeAsync)
            .WithName("RevokeLicense")
            .WithSummary("Revoke a licence, whole or in part, from a date: {\"effective\", \"announced\"?, \"lines\"?: [n], \"party\"?, \"reason\"?}")
            .RequireAuthorization(p => p.RequireRole(Roles.Reviewer))
            .TakesJsonAndCreates<Schemas.RevocationRequest, Schemas.LicenseEvent>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(ApiState state, CancellationToken cancellationToken)
    {
        var book = await state.Workspace.LoadLicensesAsync(cancellationToken);
        return ApiJson.Ok(LicensesJson.List(book.StateOn(state.Workspace.Today, null)));
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, ApiState state, CancellationToken cancellationToken)
    {
        id = PathId.Of(context, 3, id);
        var book = await state.Workspace.LoadLicensesAsync(cancellationToken);
        if (book.StateOf(id, state.Workspace.Today, null) is not { } license)
        {
            return Problems.NotFound("id", $"licence '{id}': no such licence on record");
        }
        return ApiJson.Ok(LicensesJson.Detail(license, book.Events.Where(e => e.LicenseId == id)));
    }

    private static async Task<IResult> AddAsync(HttpRequest request, ClaimsPrincipal user, ApiState state, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(request, RequestBody.Licenses, cancellationToken);
        if (text is null)
        {
            return Problems.TooLarge(RequestBody.Licenses);
        }
        var errors = new List<InputError>();
        var (source, licenses) = JsonBody.Unwrap(text, "licenses", errors);
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var added = await LicenseRecording.AddAsync(state.Workspace, source, licenses, DeterminationsApi.Actor(user), state.Clock.GetCurrentInstant(), cancellationToken);
        return added.Refusal is { } refusal ? Problems.From(refusal)
            : ApiJson.Created($"/api/v1/licenses/{Uri.EscapeDataString(added.Value![0].License.Id)}", LicensesJson.Added(added.Value));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpRequest request, ClaimsPrincipal user, ApiState state, CancellationToken cancellationToken)
    {
        id = PathId.Of(request.HttpContext, 3, id);
        var text = await RequestBody.ReadTextAsync(request, RequestBody.Small, cancellationToken);
        if (text is null)
        {
            return Problems.TooLarge(RequestBody.Small);
        }
        var book = await state.Workspace.LoadLicensesAsync(cancellationToken);
        if (book.History(id) is null)
        {
            return Problems.NotFound("id", $"licence '{id}': no such licence on record");
        }
        var errors = new List<InputError>();
        if (JsonBody.ReadObject(text, errors) is not { } body)
        {
            return Problems.Rejected(errors);
        }
        // The licence is the one the path names; the body is read by the same strict reader as revocation files.
        var revocation = JsonNode.Parse(body.GetRawText())!.AsObject();
        if (revocation.ContainsKey("license"))
        {
            return Problems.Rejected($"{JsonBody.Root}.license", "unknown field (the licence is the one the path names)");
        }
        revocation["license"] = id;
        // As `licenses revoke`: known today unless the body says when it was announced.
        revocation["announced"] ??= Time.EffectivePeriod.Format(state.Workspace.Today);
        var read = LicenseReader.ReadRevocations(JsonBody.Root, revocation.ToJsonString(), book, errors);
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var revoked = await LicenseRecording.RevokeAsync(state.Workspace, read[0], "id", DeterminationsApi.Actor(user), state.Clock.GetCurrentInstant(), cancellationToken);
        return revoked.Refusal is { } refusal ? Problems.From(refusal)
            : ApiJson.Created($"/api/v1/licenses/{Uri.EscapeDataString(id)}", LicensesJson.Recorded(read[0], revoked.Value!));
    }
}
