using System.Collections.Immutable;
using NodaTime;
using Reticle.Catalog;
using Reticle.Determination;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Screening;

namespace Reticle.Cli.Hosting;

/// <summary>
/// Everything a determination needs, loaded once as known at a date: the rules published by then, the
/// catalogue, the lists imported by then (screened), and the licence book (the engine counts only licence
/// events announced by the rules' knowledge date). Deciding is then pure.
/// </summary>
internal sealed record Decider(RuleSet Rules, ItemCatalog Catalog, PartyScreen Screen, ImmutableSortedDictionary<string, string> ListVersions, LicenseBook Licenses)
{
    /// <param name="knownAt">Rules published and licence events announced by this date; <c>null</c>: everything.</param>
    /// <param name="listsImportedBy">List snapshots imported by this instant; <c>null</c>: every import.</param>
    public static async Task<Decider> LoadAsync(Workspace workspace, LocalDate? knownAt, Instant? listsImportedBy, CancellationToken cancellationToken)
    {
        var rules = await workspace.LoadRulesAsync(knownAt, cancellationToken);
        var catalog = await workspace.LoadCatalogAsync(cancellationToken);
        var screening = await workspace.LoadScreeningAsync(listsImportedBy, cancellationToken);
        var licenses = await workspace.LoadLicensesAsync(cancellationToken);
        return new Decider(rules, catalog, new PartyScreen(screening.Index, rules.ListsDecided), screening.Versions, licenses);
    }

    /// <summary>The end of a knowledge date, as an instant: what was imported on that day counts as known on it.</summary>
    public static Instant EndOf(LocalDate date) => date.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromTicks(1);

    public Determination.Determination Decide(Transaction transaction, LocalDate? asOf = null)
    {
        var complete = Catalog.Complete(transaction);
        return DeterminationEngine.DetermineScreened(Rules, complete, asOf, Screen.Screen(complete), Licenses) with { ListVersions = ListVersions };
    }

    /// <summary>The outcomes alone (the cheap first pass of impact analysis).</summary>
    public OutcomeSummary Outcomes(Transaction completed, ImmutableArray<PartyHit> screening) =>
        DeterminationEngine.OutcomesScreened(Rules, completed, null, screening, Licenses);
}
