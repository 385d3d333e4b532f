using Microsoft.AspNetCore.Http;
using Reticle.Cli.Hosting;
using Reticle.Input;

namespace Reticle.Cli.Api;

/// <summary>RFC 9457 problem details for the answers the endpoints give: each error names where (a JSON path, a line and column, a field) and why.</summary>
internal static class Problems
{
    public static IResult Rejected(IEnumerable<InputError> errors, string? title = null) =>
        Problem(errors, StatusCodes.Status400BadRequest, title ?? "The input was rejected; nothing was stored.");

    public static IResult Rejected(string where, string message) => Rejected([new InputError(where, message)]);

    /// <summary>A refusal from the shell's shared operations, with the status its kind calls for: 400, 404, 409 or 403.</summary>
    /// <param name="where">What a problem that names no place of its own is about (the body, or a path parameter).</param>
    public static IResult From(InputRejectedException e, string where = "body") => e.Kind switch
    {
        Rejection.NotFound => Problem(FromLines(e.Problems, where), StatusCodes.Status404NotFound, "Not found; nothing was stored."),
        Rejection.Conflict => Problem(FromLines(e.Problems, where), StatusCodes.Status409Conflict, "The request conflicts with what is on record; nothing was stored."),
        Rejection.Forbidden => Problem(FromLines(e.Problems, where), StatusCodes.Status403Forbidden, "Not allowed for this caller; nothing was stored."),
        _ => Rejected(FromLines(e.Problems, where)),
    };

    public static IResult NotFound(string where, string message) =>
        Problem([new InputError(where, message)], StatusCodes.Status404NotFound, "Not found; nothing was stored.");

    /// <summary>Errors as the shell's <see cref="InputRejectedException"/> words them ("where: message").</summary>
    public static IEnumerable<InputError> FromLines(IEnumerable<string> lines, string where = "body") => lines.Select(line =>
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? new InputError(line[..colon], line[(colon + 2)..]) : new InputError(where, line);
    });

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
