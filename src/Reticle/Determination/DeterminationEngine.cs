using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Time;

namespace Reticle.Determination;

/// <summary>
/// The heart of Reticle: (rule set, transaction, date) -> decision with reasons. Pure: no I/O, no
/// clock; the same inputs give the same decision, which is what lets an auditor replay it.
/// </summary>
/// <remarks>
/// Deciding is two passes: a fast one that evaluates every rule in three-valued logic and fixes the
/// outcomes, and one that writes the reasons. <see cref="Outcomes"/> runs only the first, for work
/// that re-decides many transactions and explains only those whose answer changed.
/// </remarks>
public static class DeterminationEngine
{
    /// <param name="asOf">Overrides the transaction's own date (<c>check --as-of</c>).</param>
    /// <param name="listings">What screening found for the parties; <c>null</c> if they were not screened.</param>
    /// <param name="licenses">
    /// The licences on record; <c>null</c> if none are to be considered. Where a jurisdiction requires a
    /// licence (and only there: never over <c>prohibited</c> or <c>review</c>), a covering licence line
    /// makes its outcome <c>licensed</c>. Licence events count as known at the rule set's
    /// <see cref="RuleSet.KnownAt"/>, so one determination has one state of knowledge.
    /// </param>
    public static Determination Determine(RuleSet rules, Transaction transaction, LocalDate? asOf = null, IReadOnlyList<PartyListing>? listings = null,
        LicenseBook? licenses = null)
    {
        var facts = Lay(rules, transaction, asOf, listings);
        var jurisdictions = ImmutableArray.CreateBuilder<JurisdictionDetermination>(rules.Jurisdictions.Count);
        var overall = Outcome.Permitted;
        var applies = facts.Applies;
        for (var i = 0; i < rules.Jurisdictions.Count; i++)
        {
            applies.Clear();
            var packs = rules.ByJurisdiction[i];
            var (outcome, reach) = Evaluate(packs, facts, applies);
            var result = Explain(rules.Jurisdictions[i], packs, facts, outcome, reach, applies);
            if (outcome == Outcome.LicenseRequired && licenses is not null)
            {
                result = ApplyLicenses(result, licenses, facts, rules.KnownAt);
                outcome = result.Outcome;
            }
            jurisdictions.Add(result);
            overall = OutcomeNames.Max(overall, outcome);
        }
        var determination = new Determination(transaction.Id, facts.Date, rules.KnownAt, overall, jurisdictions.MoveToImmutable(), rules.Hash);
        Facts.Release(facts);
        return determination;
    }

    /// <summary>
    /// Decides with the parties' screening hits: matches drive the list rules, and the overall outcome is at
    /// least <c>review</c> while a potential match is unresolved, a match is on a list no rule decides, or the
    /// transaction names no party at all (<see cref="Determination.Missing"/> then names <c>parties</c>).
    /// </summary>
    /// <param name="listVersions">The list snapshots the hits came from, stamped on the determination.</param>
    /// <param name="ownership">Parties owned 50 % or more by listed parties (or possibly so), for <c>ownedBy(...)</c> rules.</param>
    public static Determination DetermineScreened(RuleSet rules, Transaction transaction, LocalDate? asOf, ImmutableArray<Screening.PartyHit> screening,
        LicenseBook? licenses = null, ImmutableSortedDictionary<string, string>? listVersions = null, ImmutableArray<Ownership.PartyOwnership> ownership = default)
    {
        var determination = Determine(rules, transaction, asOf, Listings(screening, ownership), licenses);
        var unscreened = transaction.Parties.IsDefaultOrEmpty;
        return determination with
        {
            Screening = screening,
            Ownership = ownership.IsDefault ? [] : ownership,
            ListVersions = listVersions ?? ImmutableSortedDictionary<string, string>.Empty,
            Outcome = OwnedOutcome(ScreenedOutcome(determination.Outcome, screening, transaction), ownership),
            Missing = unscreened ? [NoParties] : [],
        };
    }

    // Potential matches of a party already identified by a strong match are other parties, not this one's listing. Listed
    // owners come after the party's own listings, one listing each (ownedBy(...) reads only those).
    private static PartyListing[] Listings(ImmutableArray<Screening.PartyHit> screening, ImmutableArray<Ownership.PartyOwnership> ownership) =>
        [.. screening.Where(h => h.Status == Screening.ScreeningStatus.Match || h.Unresolved).Select(h => h.ToListing()),
         .. ownership.IsDefaultOrEmpty ? [] : ownership.SelectMany(o => o.ToListings())];

    /// <summary>The missing fact of a transaction that names no party: nobody was screened, so no list rule can be trusted to be clear.</summary>
    public const string NoParties = "parties";

    // At least review while a potential match is unresolved, or while nobody was screened at all: a transaction that
    // names no party cannot be permitted on the strength of screening nobody.
    private static Outcome ScreenedOutcome(Outcome outcome, ImmutableArray<Screening.PartyHit> screening, Transaction transaction) =>
        screening.Any(h => h.Unresolved) || transaction.Parties.IsDefaultOrEmpty ? OutcomeNames.Max(outcome, Outcome.Review) : outcome;

    // OFAC's 50 % rule: a party owned 50 % or more by SDNs is blocked as an SDN is, and no rule pack decides SDN listings
    // (a direct SDN match is left to a reviewer): the same holds for one owned by them, or possibly so.
    private static Outcome OwnedOutcome(Outcome outcome, ImmutableArray<Ownership.PartyOwnership> ownership) =>
        !ownership.IsDefaultOrEmpty && ownership.Any(o => o.Finding.Regime == Ownership.OwnershipRegime.Ofac50) ? OutcomeNames.Max(outcome, Outcome.Review) : outcome;

    /// <summary>The outcomes alone with the parties' screening hits, as <see cref="DetermineScreened"/> decides them, without reasons.</summary>
    public static OutcomeSummary OutcomesScreened(RuleSet rules, Transaction transaction, LocalDate? asOf, ImmutableArray<Screening.PartyHit> screening,
        LicenseBook? licenses = null, ImmutableArray<Ownership.PartyOwnership> ownership = default)
    {
        var summary = Outcomes(rules, transaction, asOf, Listings(screening, ownership), licenses);
        return summary with { Outcome = OwnedOutcome(ScreenedOutcome(summary.Outcome, screening, transaction), ownership) };
    }

    /// <summary>The outcomes alone, per jurisdiction in <see cref="RuleSet.Jurisdictions"/> order, without reasons.</summary>
    public static OutcomeSummary Outcomes(RuleSet rules, Transaction transaction, LocalDate? asOf = null, IReadOnlyList<PartyListing>? listings = null,
        LicenseBook? licenses = null)
    {
        var facts = Lay(rules, transaction, asOf, listings);
        var outcomes = new Outcome[rules.Jurisdictions.Count];
        var overall = Outcome.Permitted;
        var applies = facts.Applies;
        for (var i = 0; i < outcomes.Length; i++)
        {
            applies.Clear();
            outcomes[i] = Evaluate(rules.ByJurisdiction[i], facts, applies).Outcome;
            if (outcomes[i] == Outcome.LicenseRequired && licenses is not null)
            {
                var classifications = Classify(rules.ByJurisdiction[i], facts);
                var candidates = licenses.Candidates(rules.Jurisdictions[i], facts.Transaction, facts.Date, rules.KnownAt, classifications);
                if (candidates.Count > 0 && LicenseCoverage.Cover(candidates, rules.Jurisdictions[i], facts.Transaction with { Date = facts.Date },
                        classifications, null) is not null)
                {
                    outcomes[i] = Outcome.Licensed;
                }
            }
            overall = OutcomeNames.Max(overall, outcomes[i]);
        }
        Facts.Release(facts);
        return new OutcomeSummary(overall, ImmutableCollectionsMarshal.AsImmutableArray(outcomes));
    }

    private static Facts Lay(RuleSet rules, Transaction transaction, LocalDate? asOf, IReadOnlyList<PartyListing>? listings)
    {
        // A specially designed component is classified by its parent item too: the same act, the parent's parameters.
        var parent = transaction.Item.Parent is { } item ? Lay(rules, transaction with { Item = item }, asOf, listings) : null;
        return Facts.Rent(rules, transaction, asOf ?? transaction.Date, listings, parent);
    }

    /// <summary>
    /// A jurisdiction that requires a licence, given the licences on record: <c>licensed</c> with the
    /// covering line, or still <c>license-required</c> with why each licence looked at does not cover.
    /// </summary>
    private static JurisdictionDetermination ApplyLicenses(JurisdictionDetermination result, LicenseBook licenses, Facts facts, LocalDate? knownAt)
    {
        var transaction = facts.Transaction with { Date = facts.Date };
        var candidates = licenses.Candidates(result.Jurisdiction, transaction, facts.Date, knownAt, result.Classifications);
        var considered = new List<LicenseConsidered>();
        if (LicenseCoverage.Cover(candidates, result.Jurisdiction, transaction, result.Classifications, considered) is { } cover)
        {
            return result with { Outcome = Outcome.Licensed, License = cover, LicensesConsidered = [.. considered] };
        }
        if (considered.Count == 0)
        {
            return result with { Notes = result.Notes.Add($"no {result.Jurisdiction} licence on record is for item {transaction.Item.Sku ?? transaction.Item.Description ?? "(no SKU)"}") };
        }
        return result with { LicensesConsidered = [.. considered] };
    }

    /// <summary>The control entries the item falls under in these packs on the date, as <see cref="Explain"/> lists them.</summary>
    private static List<string> Classify(CompiledPack[] packs, Facts facts)
    {
        var classifications = new List<string>();
        foreach (var pack in packs)
        {
            if (pack.InForce(facts.Day))
            {
                foreach (var control in pack.ControlsFor(facts))
                {
                    if (control.Evaluate(facts) == Truth.True)
                    {
                        classifications.Add(control.QualifiedId);
                    }
                }
            }
        }
        return classifications;
    }

    /// <summary>The first pass: does the law reach the act, which rules apply, and what follows.</summary>
    private static (Outcome Outcome, Truth Reach) Evaluate(CompiledPack[] packs, Facts facts, List<(CompiledRequirement Rule, Truth Truth)> applies)
    {
        // Reach: does this jurisdiction's law reach the act at all (export from NL, US-origin item…)?
        var reach = Truth.False;
        foreach (var pack in packs)
        {
            if (pack.Reach is { } condition && pack.InForce(facts.Day))
            {
                reach = Kleene.Or(reach, condition.Evaluate(facts));
            }
        }
        if (reach == Truth.False)
        {
            return (Outcome.NotApplicable, reach);
        }
        var outcome = Outcome.Permitted;
        foreach (var pack in packs)
        {
            if (!pack.InForce(facts.Day))
            {
                continue;
            }
            foreach (var rule in pack.At(facts.Day).Requirements)
            {
                var truth = rule.Evaluate(facts);
                applies.Add((rule, truth));
                if (truth == Truth.True)
                {
                    outcome = OutcomeNames.Max(outcome, rule.Severity);
                }
            }
        }
        // A missing fact matters only if knowing it could make the outcome more severe.
        var definite = outcome;
        foreach (var (rule, truth) in applies)
        {
            if (truth == Truth.Unknown && rule.Severity > definite)
            {
                outcome = OutcomeNames.Max(outcome, Outcome.Review);
            }
        }
        // Undetermined reach (is the item subject to the EAR?) matters only if some rule could then apply.
        if (reach == Truth.Unknown && applies.Exists(a => a.Truth != Truth.False))
        {
            outcome = OutcomeNames.Max(outcome, Outcome.Review);
        }
        return (outcome, reach);
    }

    /// <summary>The second pass: findings with their compared values, classifications and notes.</summary>
    private static JurisdictionDetermination Explain(string jurisdiction, CompiledPack[] packs, Facts facts, Outcome outcome, Truth reach,
        List<(CompiledRequirement Rule, Truth Truth)> applies)
    {
        facts.NamedUsed.Clear();
        // Collected in lists kept for the next jurisdiction (and determination) on this thread, then copied once into exact arrays.
        var scratch = ExplainScratch.Take();
        var notes = scratch.Notes;
        List<Finding>? reachFindings = null;
        var versions = scratch.Versions;
        var classifications = scratch.Classifications;
        foreach (var pack in packs)
        {
            if (pack.InForce(facts.Day))
            {
                versions.Add(pack.Version);
                foreach (var control in pack.ControlsFor(facts))
                {
                    if (control.Evaluate(facts) == Truth.True)
                    {
                        classifications.Add(control.QualifiedId);
                    }
                }
                if (reach == Truth.False && pack.Reach is { } condition)
                {
                    var why = facts.RentExplanation();
                    condition.Explain(facts, why);
                    notes.Add(why.BecauseTextWithin(pack.NotReaching, ""));
                    facts.Return(why);
                }
                else if (reach == Truth.Unknown && pack.Reach is { } undetermined && undetermined.Evaluate(facts) == Truth.Unknown)
                {
                    if (outcome == Outcome.Review)
                    {
                        (reachFindings ??= []).Add(ReachFinding(pack, undetermined, facts));
                    }
                    else
                    {
                        var why = facts.RentExplanation();
                        undetermined.Explain(facts, why);
                        notes.Add(why.BecauseTextWithin(pack.ReachUndetermined, "), but none of its rules would apply either way"));
                        facts.Return(why);
                    }
                }
            }
            else if (pack.Source.Requirements.Count > 0)
            {
                notes.Add(pack.NoteWhenNotInForce(facts.Date));
            }
        }

        var findings = scratch.Findings;
        if (reachFindings is not null)
        {
            findings.AddRange(reachFindings);
        }
        // Applying rules first, then undetermined ones, then those that do not apply; the most severe first within each.
        foreach (var status in (ReadOnlySpan<Truth>)[Truth.True, Truth.Unknown, Truth.False])
        {
            foreach (var effect in (ReadOnlySpan<Rules.Packs.Effect>)[Rules.Packs.Effect.Prohibited, Rules.Packs.Effect.Review, Rules.Packs.Effect.LicenseRequired])
            {
                foreach (var (rule, truth) in applies)
                {
                    if (truth == status && rule.Definition.Effect == effect)
                    {
                        findings.Add(Finding(rule, truth, facts));
                    }
                }
            }
        }
        var conditions = facts.NamedUsed.Count == 0 ? [] : new NamedConditionResult[facts.NamedUsed.Count];
        for (var i = 0; i < conditions.Length; i++)
        {
            conditions[i] = facts.NamedExplanation[facts.NamedUsed[i]]!;
        }
        var result = new JurisdictionDetermination(jurisdiction, outcome, Freeze(classifications), Freeze(findings), Freeze(notes), Freeze(versions))
        {
            Conditions = ImmutableCollectionsMarshal.AsImmutableArray(conditions),
        };
        ExplainScratch.Give(scratch);
        return result;
    }

    // One exact array per list (the shared empty one for none).
    private static ImmutableArray<T> Freeze<T>(List<T> list) =>
        list.Count == 0 ? [] : ImmutableArray.Create(CollectionsMarshal.AsSpan(list));

    /// <summary>
    /// Whether the law reaches the act could not be decided (is the item subject to the EAR?). Shown as a
    /// finding of its own, naming the missing facts, where a rule would apply if it did (else it is a note).
    /// </summary>
    private static Finding ReachFinding(CompiledPack pack, Condition reach, Facts facts)
    {
        var why = facts.RentExplanation();
        reach.Explain(facts, why);
        var finding = new Finding($"{pack.Source.Id}:reach", $"Whether {pack.Source.Jurisdiction} law reaches this act", Rules.Packs.Effect.Review,
            FindingStatus.Undetermined, pack.Source.Citation, why.BecauseText, why.HasMissing ? ImmutableCollectionsMarshal.AsImmutableArray(why.MissingArray()) : [], pack.Source.Confidence, pack.Version);
        facts.Return(why);
        return finding;
    }

    private static Finding Finding(CompiledRequirement rule, Truth truth, Facts facts)
    {
        var explanation = facts.RentExplanation();
        rule.Explain(facts, explanation);
        var status = truth switch
        {
            Truth.True => FindingStatus.Applies,
            Truth.False => FindingStatus.DoesNotApply,
            _ => FindingStatus.Undetermined,
        };
        var because = explanation.BecauseText;
        ImmutableArray<string> missing = explanation.HasMissing ? ImmutableCollectionsMarshal.AsImmutableArray(explanation.MissingArray()) : [];
        facts.Return(explanation);
        return new Finding(rule.Id, rule.Definition.Title, rule.Definition.Effect, status, rule.Definition.Citation,
            because, missing, rule.Confidence, rule.PackVersion)
        {
            Exceptions = truth == Truth.False ? [] : Exceptions(rule, facts),
        };
    }

    // Candidates are named where their own condition holds or cannot be decided; the exporter confirms the rest.
    private static ImmutableArray<ExceptionOption> Exceptions(CompiledRequirement rule, Facts facts)
    {
        if (rule.Exceptions.Count == 0)
        {
            return [];
        }
        var options = ImmutableArray.CreateBuilder<ExceptionOption>();
        foreach (var candidate in rule.Exceptions)
        {
            string? because = null;
            if (candidate.Condition is { } condition)
            {
                if (condition.Evaluate(facts) == Truth.False)
                {
                    continue;
                }
                var why = facts.RentExplanation();
                condition.Explain(facts, why);
                because = why.BecauseText;
                facts.Return(why);
            }
            var d = candidate.Definition;
            options.Add(new ExceptionOption(d.Id, d.Kind, d.Title, d.Citation, [.. d.Confirm], because));
        }
        return options.ToImmutable();
    }
}

/// <summary>Outcomes without reasons: overall, and per jurisdiction in the rule set's order.</summary>
public sealed record OutcomeSummary(Outcome Outcome, ImmutableArray<Outcome> Jurisdictions);
