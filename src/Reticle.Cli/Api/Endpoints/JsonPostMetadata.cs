using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>What the OpenAPI document says of every authorised endpoint that takes and answers JSON.</summary>
internal static class JsonPostMetadata
{
    public static RouteHandlerBuilder TakesAndAnswersJson(this RouteHandlerBuilder endpoint) => endpoint
        .Accepts<JsonObject>("application/json")
        .Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
