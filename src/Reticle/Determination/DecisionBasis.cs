using System.Collections.Immutable;
using NodaTime;
using Reticle.Catalog;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Determination;

/// <summary>
/// What a decision rests on, as known at one date: the rules published by then, the item catalogue, the list snapshots
/// imported by then (indexed for screening) and the licence book (the engine counts only the licence events announced by
/// the rules' basis date). <see cref="Decide(Transaction, LocalDate?)"/> is the one decision pipeline that
/// <c>reticle check</c>, the API, shipping, impact analysis (and what-if and job workers) all call: complete the item
/// from the catalogue, screen the parties, decide, and stamp the list and rule versions. Pure: everything is given.
/// </summary>
/// <remarks>
/// <b>No list known at the date</b> (a basis date before any list import, or a store that holds none) means one thing
/// everywhere: the parties are <i>unscreened</i>, not screened clean. <see cref="Screen"/> is then null, the determination
/// records no list version, and every rule that asks whether a party is listed finds that fact unknown, which gives
/// <c>review</c> naming it wherever knowing it could change the answer (an empty index would have answered "not listed").
/// </remarks>
/// <param name="Screen">The parties' screen against the lists in use; null when no list snapshot is known.</param>
/// <param name="ListVersions">The list snapshots in use (dataset → <c>sha256:</c> of the source), as determinations record them.</param>
public sealed record DecisionBasis(RuleSet Rules, ItemCatalog Catalog, PartyScreen? Screen, ImmutableSortedDictionary<string, string> ListVersions, LicenseBook Licenses)
{
    /// <summary>The basis, with a screening index built over the list snapshots <paramref name="listVersions"/> name; none named: unscreened.</summary>
    public static DecisionBasis Of(RuleSet rules, ItemCatalog catalog, ScreeningIndex index, ImmutableSortedDictionary<string, string> listVersions, LicenseBook licenses) =>
        new(rules, catalog, listVersions.IsEmpty ? null : new PartyScreen(index, rules.ListsDecided), listVersions, licenses);

    /// <summary>
    /// The instant up to which list imports count as known on a basis date: the last tick of that day (UTC), so what was
    /// imported on the day counts as known on it, as rules published on it do.
    /// </summary>
    public static Instant ListsKnownBy(LocalDate knownAt) => knownAt.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromTicks(1);

    /// <summary>
    /// The ownership facts in use, joined to the same lists: parties owned 50 % or more by listed parties are found on the
    /// act's date and handed to the rules (<c>ownedBy(EL)</c>). Null when no ownership facts are held, or no list is known.
    /// </summary>
    public Ownership.OwnershipScreen? Ownership { get; init; }

    /// <summary>The ownership findings for the parties on the act's date; empty when unscreened or no ownership facts are held.</summary>
    public ImmutableArray<Ownership.PartyOwnership> OwnershipOf(Transaction completed, LocalDate? asOf) =>
        Screen is null || Ownership is null ? [] : Ownership.Screen(completed, asOf ?? completed.Date);

    /// <summary>The whole pipeline for one transaction: complete, screen, decide, stamp.</summary>
    /// <param name="asOf">Decide on this date instead of the transaction's own (<c>check --as-of</c>, a shipment's planned date).</param>
    public Determination Decide(Transaction transaction, LocalDate? asOf = null)
    {
        var completed = Catalog.Complete(transaction);
        return Decide(completed, asOf, ScreenParties(completed));
    }

    /// <summary>The parties' hits; null when no list is known (unscreened, never "clean").</summary>
    public ImmutableArray<PartyHit>? ScreenParties(Transaction completed) => Screen?.Screen(completed);

    /// <summary>Decides a transaction already completed from the catalogue, with its parties' hits already found (impact analysis shares them).</summary>
    public Determination Decide(Transaction completed, LocalDate? asOf, ImmutableArray<PartyHit>? hits) => hits is { } screened
        ? DeterminationEngine.DetermineScreened(Rules, completed, asOf, screened, Licenses, ListVersions, OwnershipOf(completed, asOf)) with
        {
            OwnershipVersions = Ownership?.Versions ?? ImmutableSortedDictionary<string, string>.Empty,
        }
        : DeterminationEngine.Determine(Rules, completed, asOf, null, Licenses);

    /// <summary>The outcomes alone, as <see cref="Decide(Transaction, LocalDate?, ImmutableArray{PartyHit}?)"/> decides them, without reasons.</summary>
    public OutcomeSummary Outcomes(Transaction completed, LocalDate? asOf, ImmutableArray<PartyHit>? hits) => hits is { } screened
        ? DeterminationEngine.OutcomesScreened(Rules, completed, asOf, screened, Licenses, OwnershipOf(completed, asOf))
        : DeterminationEngine.Outcomes(Rules, completed, asOf, null, Licenses);
}
