using NodaTime;
using Reticle.Impact;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// CONTRACT §6 for <c>reticle impact</c> and <c>POST /impact</c>: every open order decided at its own date with what was
/// known at <c>a</c> and at <c>b</c> (rules published, licence events announced, lists imported by the end of the day).
/// </summary>
internal static class ImpactRun
{
    /// <summary>
    /// Loads what was known at both dates; the open orders then stream from the store into the analysis, read and decided on
    /// every core, and the changes out to the caller as they are found: memory holds a few batches of orders, not the book
    /// nor the changes.
    /// </summary>
    public static async Task<ImpactStream> StartAsync(Workspace workspace, LocalDate a, LocalDate b, ImpactOptions options, CancellationToken cancellationToken)
    {
        var before = await workspace.LoadBasisAsync(a, cancellationToken);
        var after = await workspace.LoadBasisAsync(b, cancellationToken);
        var tally = new ImpactTally();
        var changes = ImpactAnalysis.ChangesAsync(workspace.Store.ReadOrdersAsync(OrderStatus.Open, cancellationToken),
            o => after.Catalog.Complete(OrderRecording.Read(o)), new ImpactSide(a, before), new ImpactSide(b, after), tally, options, cancellationToken);
        return new ImpactStream(a, b, changes, tally);
    }
}
