using NodaTime;
using Reticle.Audit;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Store;

namespace Reticle.Cli.Hosting;

/// <summary>
/// Records licences and their revocations for <c>reticle licenses</c> and the API alike: read strictly, checked
/// against the stored book, appended with their audit records (the store checks again under its write lock).
/// </summary>
internal static class LicenseRecording
{
    /// <summary>Licences (CONTRACT §5: one object or an array) from <paramref name="text"/>; all or none.</summary>
    /// <param name="source">How errors name the input: a file name, or <c>body</c>.</param>
    /// <exception cref="InputRejectedException">Invalid (nothing stored), or a <see cref="Rejection.Conflict"/> naming an id already on record.</exception>
    public static async Task<IReadOnlyList<(License License, AuditRecord Audit)>> AddAsync(Workspace workspace, string source, string text, string actor, Instant now,
        CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var licenses = LicenseReader.Read(source, text, errors);
        InputRejectedException.ThrowIfAny(errors);

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
        InputRejectedException.ThrowIfAny(errors, Rejection.Conflict);
        var audit = await AppendAsync(workspace, events, actor, now, cancellationToken);
        return [.. licenses.Zip(audit)];
    }

    /// <summary>A revocation already checked against the book; the store checks it again as it writes.</summary>
    public static async Task<AuditRecord> RevokeAsync(Workspace workspace, LicenseRevoked revocation, string actor, Instant now, CancellationToken cancellationToken) =>
        (await AppendAsync(workspace, [revocation], actor, now, cancellationToken))[0];

    private static async Task<IReadOnlyList<AuditRecord>> AppendAsync(Workspace workspace, IReadOnlyList<LicenseEvent> events, string actor, Instant now,
        CancellationToken cancellationToken)
    {
        try
        {
            return await workspace.Store.AppendLicenseEventsAsync(events, actor, now, cancellationToken);
        }
        catch (LicenseEventRejectedException e)
        {
            // Another writer got there between our check and the write (the same id, the last unit of a line).
            throw new InputRejectedException(e.Problems, Rejection.Conflict);
        }
    }
}
