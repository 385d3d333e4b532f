using NodaTime;
using Reticle.Audit;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// Records licences and their revocations for <c>reticle licenses</c> and the API alike: read strictly, checked
/// against the stored book, appended with their audit records (the store checks again under its write lock).
/// </summary>
internal static class LicenseRecording
{
    /// <summary>Licences (CONTRACT §5: one object or an array) from <paramref name="text"/>; all or none.</summary>
    /// <param name="source">How errors name the input: a file name, or <c>body</c>.</param>
    /// <returns>The licences with their audit records; refused when invalid, or a <see cref="Rejection.Conflict"/> naming an id already on record.</returns>
    public static async Task<Attempt<IReadOnlyList<(License License, AuditRecord Audit)>>> AddAsync(Workspace workspace, string source, string text, string actor, Instant now,
        CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var licenses = LicenseReader.Read(source, text, errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var book = await workspace.LoadLicensesAsync(cancellationToken);
        var single = licenses.Count == 1 && !text.TrimStart().StartsWith('[');
        var events = new List<LicenseEvent>();
        for (var i = 0; i < licenses.Count; i++)
        {
            var issued = new LicenseIssued(licenses[i]);
            if (book.Check(issued) is { } problem)
            {
                errors.Add(new InputError(single ? $"{source}.id" : $"{source}[{i}].id", problem));
                continue;
            }
            book = book.With(issued);
            events.Add(issued);
        }
        if (errors.Count > 0)
        {
            return Refusal.Conflict(errors);
        }
        var appended = await AppendAsync(workspace, events, source, actor, now, cancellationToken);
        return appended.Refusal ?? Attempt<IReadOnlyList<(License, AuditRecord)>>.Done([.. licenses.Zip(appended.Value!)]);
    }

    /// <summary>A revocation already checked against the book; the store checks it again as it writes.</summary>
    /// <param name="where">What the store's refusal is about (the licence's id, as the caller names it).</param>
    public static async Task<Attempt<AuditRecord>> RevokeAsync(Workspace workspace, LicenseRevoked revocation, string where, string actor, Instant now,
        CancellationToken cancellationToken)
    {
        var appended = await AppendAsync(workspace, [revocation], where, actor, now, cancellationToken);
        return appended.Refusal ?? Attempt<AuditRecord>.Done(appended.Value![0]);
    }

    private static async Task<Attempt<IReadOnlyList<AuditRecord>>> AppendAsync(Workspace workspace, IReadOnlyList<LicenseEvent> events, string where, string actor,
        Instant now, CancellationToken cancellationToken)
    {
        try
        {
            return Attempt<IReadOnlyList<AuditRecord>>.Done(await workspace.Store.AppendLicenseEventsAsync(events, actor, now, cancellationToken));
        }
        catch (LicenseEventRejectedException e)
        {
            // Another writer got there between our check and the write (the same id, the last unit of a line).
            return Refusal.Conflict(where, e.Problems);
        }
    }
}
