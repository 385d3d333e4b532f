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
    public static async Task<ImpactReport> RunAsync(Workspace workspace, LocalDate a, LocalDate b, ImpactOptions options, CancellationToken cancellationToken)
    {
        var before = await workspace.LoadBasisAsync(a, cancellationToken);
        var after = await workspace.LoadBasisAsync(b, cancellationToken);
        // Streamed from the store into the analysis, an order at a time: only the orders that change are kept (in the report).
        // The analysis is pure and synchronous, so it pulls the store's rows through a blocking enumerator: it runs on a
        // thread of its own for its whole length anyway (seconds of CPU), and waits only while the store reads the next rows.
        var orders = Open(workspace.Store, cancellationToken).ToBlockingEnumerable(cancellationToken)
            .Select(o => after.Catalog.Complete(OrderRecording.Read(o)));
        return await Task.Run(() => ImpactAnalysis.Run(orders, new ImpactSide(a, before), new ImpactSide(b, after), options), cancellationToken);
    }

    private static IAsyncEnumerable<StoredOrder> Open(IReticleStore store, CancellationToken cancellationToken) =>
        store.ReadOrdersAsync(OrderStatus.Open, cancellationToken);
}
