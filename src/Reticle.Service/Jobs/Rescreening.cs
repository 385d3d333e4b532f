using NodaTime;
using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>
/// Whether a re-screening follows list imports, and its submission: the one place that decides it, for <c>reticle lists
/// import</c> and <c>POST /api/v1/lists/imports</c> alike. It follows when an import changed a list (identical files change
/// nothing) and orders are open; it screens every open order's parties against the lists as they stood after the newest
/// of the imports. The queue is asked for only when a job is submitted (on PostgreSQL that starts a submit-only engine).
/// </summary>
internal static class Rescreening
{
    /// <returns>The job submitted, or null when none follows (no list changed, or no order is open).</returns>
    public static async Task<StoredJob?> AfterImportsAsync(Workspace workspace, Func<CancellationToken, Task<IJobQueue>> queue, IEnumerable<ListImports.Result> imports,
        string actor, CancellationToken cancellationToken)
    {
        Instant? listsAsOf = null;
        foreach (var stored in imports.Select(i => i.Stored).OfType<StoredListSnapshot>())
        {
            if (listsAsOf is null || stored.ImportedAt > listsAsOf)
            {
                listsAsOf = stored.ImportedAt;
            }
        }
        if (listsAsOf is not { } asOf || !await workspace.Store.ReadOrdersAsync(OrderStatus.Open, cancellationToken).AnyAsync(cancellationToken))
        {
            return null;
        }
        return await JobSubmission.RescreeningAsync(workspace, await queue(cancellationToken), asOf, actor, cancellationToken);
    }
}
