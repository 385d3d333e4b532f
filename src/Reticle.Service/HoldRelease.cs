using NodaTime;
using Reticle.Audit;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>Releases a hold (<c>reticle holds release</c>, <c>POST /holds/{id}/release</c>) by someone other than the requester, recording what was known.</summary>
internal static class HoldRelease
{
    /// <param name="where">How the hold, an empty reason code or text are named: the argument, option or JSON field.</param>
    /// <returns>The release's audit record; refused for an empty reason (invalid), an unknown hold (not found), one not held (conflict), the requester releasing (forbidden).</returns>
    public static async Task<Attempt<AuditRecord>> ReleaseAsync(Workspace workspace, long id, string reasonCode, string text,
        (string Hold, string ReasonCode, string Text) where, string actor, Instant now, CancellationToken cancellationToken)
    {
        var empty = new[] { (reasonCode, where.ReasonCode), (text, where.Text) }.Where(x => x.Item1.Trim().Length == 0)
            .Select(x => new Input.InputError(x.Item2, "must not be empty")).ToList();
        if (empty.Count > 0)
        {
            return Refusal.Invalid(empty);
        }
        var fingerprint = await KnowledgeFingerprint.CurrentAsync(workspace, cancellationToken);
        try
        {
            return Attempt<AuditRecord>.Done(await workspace.Store.ReleaseHoldAsync(id, reasonCode.Trim(), text.Trim(), fingerprint, actor, now, cancellationToken));
        }
        catch (HoldRejectedException e)
        {
            return e.Reason switch
            {
                HoldRejection.Unknown => Refusal.NotFound(where.Hold, e.Message),
                HoldRejection.SameActor => Refusal.Forbidden(where.Hold, e.Message),
                _ => Refusal.Conflict(where.Hold, e.Message),
            };
        }
    }
}
