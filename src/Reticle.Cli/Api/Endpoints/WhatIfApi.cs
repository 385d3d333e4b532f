using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Access;
using Reticle.WhatIf;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/whatif</c> (CONTRACT §9): draft rule packs as multipart files (<c>files</c>), with optional fields
/// <c>knownAt</c> and <c>all</c>; the report of <c>reticle whatif --json</c>. Drafts that do not validate with the packs
/// in use are a 400 naming file, line, column and rule; nothing is recorded then. Analysts and up, as impact.
/// </summary>
internal static class WhatIfApi
{
    public static RouteGroupBuilder MapWhatIf(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/whatif").WithTags("Impact").RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        group.MapPost("/", RunAsync)
            .WithName("WhatIf")
            .WithSummary("Re-decide every open order with the rule packs in use and with draft packs added (multipart: files, knownAt?, all?); the orders the drafts would change, why, and the value at stake")
            .DisableAntiforgery()
            .Accepts<Schemas.WhatIfRequest>("multipart/form-data")
            .Produces<Schemas.WhatIfReport>(StatusCodes.Status200OK, "application/json")
            .RefusesBadInput();
        return api;
    }

    private static async Task<IResult> RunAsync(HttpRequest request, ApiState state, CancellationToken cancellationToken)
    {
        var (upload, refusal) = await DraftUpload.ReadAsync(request, ["knownAt", "all"], cancellationToken);
        if (upload is null)
        {
            return refusal!;
        }
        var (form, errors) = (upload.Form, upload.Errors);
        var knownAt = form["knownAt"].FirstOrDefault() is { Length: > 0 } text ? Date("form.knownAt", text, errors) : null;
        var all = Flag(form, "all", errors);
        if (errors.Count > 0)
        {
            return Problems.Rejected(errors);
        }
        var result = await WhatIfRun.RunAsync(state.Workspace, upload.Drafts, knownAt, all ?? false, cancellationToken);
        return result.Run is { } run ? ApiJson.Streamed((output, token) => run.WriteJsonAsync(output, ApiJson.Options, token)) : DraftUpload.Rejected(result.Errors);
    }

    /// <summary>An optional form field that is <c>true</c> or <c>false</c>; anything else is an error naming it.</summary>
    public static bool? Flag(IFormCollection form, string field, List<InputError> errors) => form[field].FirstOrDefault() switch
    {
        null or "" => null,
        "true" => true,
        "false" => false,
        var other => Reject(errors, $"form.{field}", $"'{other}' is not true or false"),
    };

    public static NodaTime.LocalDate? Date(string where, string text, List<InputError> errors)
    {
        var date = InputDate.Parse(text, out var error);
        if (date is null)
        {
            errors.Add(new InputError(where, error ?? "not a date"));
        }
        return date;
    }

    private static bool? Reject(List<InputError> errors, string where, string message)
    {
        errors.Add(new InputError(where, message));
        return null;
    }
}
