using Microsoft.AspNetCore.Http;
using Reticle.Input;

namespace Reticle.Cli.Api;

/// <summary>RFC 9457 problem details for the answers the endpoints give: each error names where (a JSON path, a line and column, a field) and why.</summary>
internal static class Problems
{
    public static IResult Rejected(IEnumerable<InputError> errors, string? title = null)
    {
        var list = errors.ToList();
        return Results.Problem(
            title: title ?? "The input was rejected; nothing was stored.",
            detail: string.Join("; ", list.Take(5).Select(e => e.ToString())) + (list.Count > 5 ? $"; and {list.Count - 5} more" : ""),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = list.Select(e => new Dictionary<string, string> { ["where"] = e.Where, ["message"] = e.Message }).ToList(),
            });
    }

    public static IResult Rejected(string where, string message) => Rejected([new InputError(where, message)]);

    /// <summary>Errors as the shell's <see cref="Hosting.InputRejectedException"/> words them ("where: message").</summary>
    public static IEnumerable<InputError> FromLines(IEnumerable<string> lines) => lines.Select(line =>
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? new InputError(line[..colon], line[(colon + 2)..]) : new InputError("body", line);
    });

    public static IResult TooLarge(long limit) => Results.Problem(
        title: "Request body too large",
        detail: $"The request body is larger than this endpoint accepts ({limit:N0} bytes); nothing was stored.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
