using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;

namespace Reticle.Cli.Api.Endpoints;

/// <summary><c>GET /api/v1/me</c>: the caller's key name and role, so a client (the web console) can check a key and show what it may do.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => ApiJson.Ok(new JsonObject
            {
                ["name"] = user.Identity?.Name,
                // The principal holds its role and every role below it; the highest is the key's own.
                ["role"] = Roles.Names.LastOrDefault(user.IsInRole),
            }))
            .WithTags("Access")
            .WithName("GetMe")
            .WithSummary("The calling key's name and role")
            .ReadByViewers<Schemas.Caller>();
        return api;
    }
}
