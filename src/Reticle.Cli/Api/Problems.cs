using Microsoft.AspNetCore.Http;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api;

/// <summary>RFC 9457 problem details for the answers the endpoints give: each error names where (a JSON path, a line and column, a field) and why.</summary>
internal static class Problems
{
    public static IResult Rejected(IEnumerable<InputError> errors, string? title = null) =>
        Problem(errors, StatusCodes.Status400BadRequest, title ?? "The input was rejected; nothing was stored.");

    public static IResult Rejected(string where, string message) => Rejected([new InputError(where, message)]);

    /// <summary>A use case's refusal, with the status its kind calls for (400, 404, 409 or 403): the one mapping of refusals to HTTP.</summary>
    public static IResult From(Refusal refusal) => refusal.Kind switch
    {
        Rejection.NotFound => Problem(refusal.Problems, StatusCodes.Status404NotFound, "Not found; nothing was stored."),
        Rejection.Conflict => Problem(refusal.Problems, StatusCodes.Status409Conflict, "The request conflicts with what is on record; nothing was stored."),
        Rejection.Forbidden => Problem(refusal.Problems, StatusCodes.Status403Forbidden, "Not allowed for this caller; nothing was stored."),
        _ => Rejected(refusal.Problems),
    };

    public static IResult NotFound(string where, string message) =>
        Problem([new InputError(where, message)], StatusCodes.Status404NotFound, "Not found; nothing was stored.");

    public static IResult TooLarge(long limit) => Results.Problem(
        title: "Request body too large",
        detail: $"The request body is larger than this endpoint accepts ({limit:N0} bytes); nothing was stored.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Problem(IEnumerable<InputError> errors, int status, string title)
    {
        var list = errors.ToList();
        return Results.Problem(
            title: title,
            detail: string.Join("; ", list.Take(5).Select(e => e.ToString())) + (list.Count > 5 ? $"; and {list.Count - 5} more" : ""),
            statusCode: status,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = list.Select(e => new Dictionary<string, string> { ["where"] = e.Where, ["message"] = e.Message }).ToList(),
            });
    }
}
