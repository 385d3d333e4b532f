using NodaTime;
using Reticle.Audit;
using Reticle.Store;

namespace Reticle.Cli.Hosting;

/// <summary>Releases a hold (<c>reticle holds release</c>, <c>POST /holds/{id}/release</c>) by someone other than the requester, recording what was known.</summary>
internal static class HoldRelease
{
    /// <param name="where">How an empty reason code or text is named: the option or the JSON field.</param>
    /// <exception cref="InputRejectedException">Empty reason (invalid), unknown hold (not found), not held (conflict), the requester releasing (forbidden).</exception>
    public static async Task<AuditRecord> ReleaseAsync(Workspace workspace, long id, string reasonCode, string text, (string ReasonCode, string Text) where,
        string actor, Instant now, CancellationToken cancellationToken)
    {
        var empty = new[] { (reasonCode, where.ReasonCode), (text, where.Text) }.Where(x => x.Item1.Trim().Length == 0).Select(x => $"{x.Item2}: must not be empty").ToList();
        if (empty.Count > 0)
        {
            throw new InputRejectedException(empty);
        }
        var fingerprint = await KnowledgeFingerprint.CurrentAsync(workspace, cancellationToken);
        try
        {
            return await workspace.Store.ReleaseHoldAsync(id, reasonCode.Trim(), text.Trim(), fingerprint, actor, now, cancellationToken);
        }
        catch (HoldRejectedException e)
        {
            throw new InputRejectedException([e.Message], e.Reason switch
            {
                HoldRejection.Unknown => Rejection.NotFound,
                HoldRejection.SameActor => Rejection.Forbidden,
                _ => Rejection.Conflict,
            });
        }
    }
}
