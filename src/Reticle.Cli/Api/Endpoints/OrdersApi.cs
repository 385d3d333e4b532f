using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Cli.Api.Access;
using Reticle.Service.Access;
using Reticle.Store;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>/api/v1/orders</c>: list (as <c>reticle orders --json</c>), record (as <c>orders add</c>) and ship
/// (<c>POST /orders/{id}/shipments</c>, as <c>orders ship</c>: decide on the planned date, draw the licence or hold the order).
/// </summary>
internal static class OrdersApi
{
    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/orders").WithTags("Orders");
        group.MapGet("/", ListAsync)
            .WithName("GetOrders")
            .WithSummary("The orders on record with their status and latest outcome (status=open|shipped|cancelled)")
            .ReadByViewers<IReadOnlyList<Schemas.OrderSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/", AddAsync)
            .WithName("AddOrders")
            .WithSummary("Record open orders: transactions (CONTRACT §2) whose date is the planned date, as an object, an array or JSON Lines; any error records none")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst))
            .TakesJsonAndCreates<Schemas.OrdersRequest, IReadOnlyList<Schemas.OrderRecorded>>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/shipments", ShipAsync)
            .WithName("ShipOrder")
            .WithSummary("Decide an open order on its planned date; if permitted or licensed (or released by a reviewer), draw the licence and mark it shipped, else hold it")
            .RequireAuthorization(p => p.RequireRole(Roles.Analyst))
            .Produces<Schemas.Shipment>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(ApiState state, string? status, CancellationToken cancellationToken)
    {
        OrderStatus? wanted = null;
        if (status is not null)
        {
            try
            {
                wanted = OrderStatusNames.Parse(status);
            }
            catch (FormatException)
            {
                return Problems.Rejected("status", $"unknown status '{status}' (open, shipped, cancelled)");
            }
        }
        // Streamed from one query as it is written: the book is never held whole (as `reticle orders --json`).
        return ApiJson.Streamed((output, aborted) =>
            JsonArrayStream.WriteAsync(output, state.Workspace.Store.ReadOrdersAsync(wanted, aborted), OrdersJson.ListItem, ApiJson.Options, aborted, endLine: false));
    }

    private static async Task<IResult> AddAsync(HttpRequest request, ClaimsPrincipal user, ApiState state, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(request, RequestBody.Orders, cancellationToken);
        if (text is null)
        {
            return Problems.TooLarge(RequestBody.Orders);
        }
        var added = await OrderRecording.AddAsync(state.Workspace, JsonBody.Root, text, DeterminationsApi.Actor(user), state.Clock.GetCurrentInstant(), cancellationToken);
        return added.Refusal is { } refusal ? Problems.From(refusal) : ApiJson.Created("/api/v1/orders", OrdersJson.Added(added.Value!));
    }

    private static async Task<IResult> ShipAsync(string id, HttpContext context, ClaimsPrincipal user, ApiState state, CancellationToken cancellationToken)
    {
        id = PathId.Of(context, 3, id);
        var basis = await state.BasisAsync(cancellationToken);
        var shipped = await OrderShipping.ShipAsync(state.Workspace, basis, id, "id", DeterminationsApi.Actor(user), state.Clock.GetCurrentInstant(), cancellationToken);
        return shipped.Refusal is { } refusal ? Problems.From(refusal) : ApiJson.Ok(OrdersJson.Shipment(shipped.Value!));
    }
}
