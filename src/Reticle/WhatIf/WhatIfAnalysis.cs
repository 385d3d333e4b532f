using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Model;

namespace Reticle.WhatIf;

/// <summary>
/// What-if with draft rules (CONTRACT §9), pure: the same open orders, the same lists and licences, decided with the rules
/// in use and with the rules plus the drafts. The impact comparison does the deciding; the drafts name the reasons.
/// </summary>
public static class WhatIfAnalysis
{
    /// <param name="inUse">What is known (rules in use, catalogue, lists, licences).</param>
    /// <param name="withDrafts">The same, with the rules compiled with the drafts (<see cref="DraftRules.Compile"/>).</param>
    /// <param name="today">The day of the run: both sides of the underlying impact report.</param>
    public static WhatIfReport Run(IEnumerable<Transaction> orders, DecisionBasis inUse, DecisionBasis withDrafts, IReadOnlyList<DraftPack> drafts,
        LocalDate? knownAt, LocalDate today, bool all = false)
    {
        var side = knownAt ?? today;
        var report = ImpactAnalysis.Run(orders, new ImpactSide(side, inUse), new ImpactSide(side, withDrafts), Options(drafts, all));
        return new WhatIfReport(knownAt, drafts, report, ImpactTotals.Of(report.Changes), inUse.Rules.Hash, withDrafts.Rules.Hash);
    }

    /// <summary>
    /// As <see cref="Run"/>, over a whole book: the changes as they are found, the orders read and decided on every core
    /// (<see cref="ImpactAnalysis.ChangesAsync{T}"/>); <paramref name="tally"/> holds the counts once the last has been taken.
    /// </summary>
    /// <param name="read">Makes a completed order of each element; runs on the deciding cores.</param>
    /// <param name="day">Both sides of the comparison: the date of knowledge, else the day of the run.</param>
    public static IAsyncEnumerable<ImpactChange> ChangesAsync<T>(IAsyncEnumerable<T> orders, Func<T, Transaction> read, DecisionBasis inUse, DecisionBasis withDrafts,
        IReadOnlyList<DraftPack> drafts, LocalDate day, bool all, ImpactTally tally, CancellationToken cancellationToken) =>
        ImpactAnalysis.ChangesAsync(orders, read, new ImpactSide(day, inUse), new ImpactSide(day, withDrafts), tally, Options(drafts, all), cancellationToken);

    private static ImpactOptions Options(IReadOnlyList<DraftPack> drafts, bool all) => new(all, new DraftExplanation(drafts).Explain);
}
