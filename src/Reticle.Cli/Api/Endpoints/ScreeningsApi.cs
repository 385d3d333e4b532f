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

/// <summary><c>POST /api/v1/screenings</c>: screen a name, or many (<c>{"parties": [...]}</c>), answering CONTRACT §4 with why each hit matched.</summary>
internal static class ScreeningsApi
{
    public static RouteGroupBuilder MapScreenings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/screenings").WithTags("Screening").RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/", PostAsync)
            .WithName("Screen")
            .WithSummary("Screen {\"name\", \"country\", \"type\", \"threshold\", \"limit\", \"lists\"}, or {\"parties\": [...]}")
            .TakesAndAnswersJson<Schemas.ScreeningsRequest, Schemas.ScreeningAnswer>();
        return api;
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ApiState state, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(request, RequestBody.Screenings, cancellationToken);
        if (text is null)
        {
            return Problems.TooLarge(RequestBody.Screenings);
        }
        var errors = new List<InputError>();
        if (ScreeningRequest.Read(text, errors) is not { } screening)
        {
            return Problems.Rejected(errors);
        }
        var lists = (await state.CurrentScreeningAsync(cancellationToken)).Lists;
        var index = lists.Index;
        // A name owned 50 % or more by listed parties today is reported with its paths, though no listed name resembles it.
        var owners = await state.Workspace.LoadOwnershipAsync(null, lists, cancellationToken);
        var today = state.Workspace.Today;
        var results = screening.Queries.Select(q =>
        {
            var result = ScreeningJson.Result(q.Query, screening.Threshold, index.Screen(q.Query), owners?.Find(q.Query.Name, q.Query.Country, today));
            if (q.Id is not null)
            {
                result["id"] = q.Id;
            }
            return (JsonNode)result;
        }).ToList();
        return ApiJson.Ok(screening.Batch ? new JsonObject { ["results"] = new JsonArray([.. results]) } : results[0]);
    }
}
