using Microsoft.AspNetCore.Http;
using Reticle.Input;
using Reticle.Rules.Packs;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// Draft rule packs sent as multipart files (field <c>files</c>) with a few named text fields, as <c>POST /whatif</c> and
/// <c>POST /rules/timeline</c> take them. Any other field is rejected naming it (nothing is silently ignored).
/// </summary>
internal sealed record DraftUpload(IReadOnlyList<RulePackSource> Drafts, IFormCollection Form, List<InputError> Errors)
{
    public static async Task<(DraftUpload? Upload, IResult? Refusal)> ReadAsync(HttpRequest request, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        if (request.ContentLength > RequestBody.Drafts)
        {
            return (null, Problems.TooLarge(RequestBody.Drafts));
        }
        if (!request.HasFormContentType)
        {
            return (null, Problems.Rejected("body", $"send the draft packs as multipart/form-data files (field 'files'){(fields.Count > 0 ? $", with optional fields {string.Join(", ", fields.Select(f => $"'{f}'"))}" : "")}"));
        }
        var form = await request.ReadFormAsync(cancellationToken);
        var errors = new List<InputError>();
        foreach (var key in form.Keys.Where(k => !fields.Contains(k)))
        {
            errors.Add(new InputError($"form.{key}", $"unknown field (known: files{string.Concat(fields.Select(f => $", {f}"))})"));
        }
        var drafts = new List<RulePackSource>();
        foreach (var file in form.Files)
        {
            if (file.Name != "files")
            {
                errors.Add(new InputError($"form.{file.Name}", "unknown file field (send drafts as 'files')"));
                continue;
            }
            using var reader = new StreamReader(file.OpenReadStream());
            drafts.Add(new RulePackSource(Path.GetFileName(file.FileName is { Length: > 0 } f ? f : "draft.yaml"), await reader.ReadToEndAsync(cancellationToken)));
        }
        if (drafts.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError("form.files", "no draft rule pack given"));
        }
        return (new DraftUpload(drafts, form, errors), null);
    }

    /// <summary>Errors of draft packs as the problem's list: <c>file:line:column</c> and <c>[rule] message</c>.</summary>
    public static IResult Rejected(IEnumerable<PackError> errors) =>
        Problems.Rejected(errors.Select(e => new InputError($"{e.File}:{e.Line}:{e.Column}", $"{(e.RuleId is null ? "" : $"[{e.RuleId}] ")}{e.Message}")),
            "The draft rule packs do not validate with the packs in use; nothing was run or recorded.");
}
