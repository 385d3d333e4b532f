using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// What the OpenAPI document says of every authorised endpoint that takes or answers JSON, said once. The body types
/// are the schemas in <c>Api/Schemas</c>: they describe what the readers accept and the writers write, and are never
/// serialised themselves.
/// </summary>
internal static class JsonEndpointMetadata
{
    /// <summary>A read open to every role (viewer and up) that answers <typeparamref name="TResponse"/>.</summary>
    public static RouteHandlerBuilder ReadByViewers<TResponse>(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(p => p.RequireRole(Reticle.Service.Access.Roles.Viewer))
        .Produces<TResponse>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static RouteHandlerBuilder TakesAndAnswersJson<TRequest, TResponse>(this RouteHandlerBuilder endpoint) where TRequest : notnull => endpoint
        .Accepts<TRequest>("application/json")
        .Produces<TResponse>(StatusCodes.Status200OK, "application/json")
        .RefusesBadInput();

    /// <summary>An endpoint that records something and answers 201 with what it recorded.</summary>
    public static RouteHandlerBuilder TakesJsonAndCreates<TRequest, TResponse>(this RouteHandlerBuilder endpoint) where TRequest : notnull => endpoint
        .Accepts<TRequest>("application/json")
        .Produces<TResponse>(StatusCodes.Status201Created, "application/json")
        .RefusesBadInput();

    /// <summary>A write that refuses bad input (400), a missing key (401), too small a role (403) and too large a body (413).</summary>
    public static RouteHandlerBuilder RefusesBadInput(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
