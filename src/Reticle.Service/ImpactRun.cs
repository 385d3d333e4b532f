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
        var orders = (await workspace.Store.GetOrdersAsync(OrderStatus.Open, cancellationToken))
            .Select(o => after.Catalog.Complete(OrderRecording.Read(o)))
            .ToList();
        return ImpactAnalysis.Run(orders, new ImpactSide(a, before), new ImpactSide(b, after), options);
    }
}
