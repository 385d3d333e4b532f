using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;
using Reticle.Rules.Compilation;

namespace Reticle.Determination;

/// <summary>
/// The heart of Reticle: (rule set, transaction, date) -> decision with reasons. Pure: no I/O, no
/// clock; the same inputs give the same decision, which is what lets an auditor replay it.
/// </summary>
public static class DeterminationEngine
{
    /// <param name="asOf">Overrides the transaction's own date (<c>check --as-of</c>).</param>
    public static Determination Determine(RuleSet rules, Transaction transaction, LocalDate? asOf = null)
    {
        var date = asOf ?? transaction.Date;
        var (numbers, texts) = rules.Parameters.Lay(transaction.Item);
        var facts = new Facts(transaction, date, numbers, texts, rules.ControlCount);
        var jurisdictions = ImmutableArray.CreateBuilder<JurisdictionDetermination>(rules.Jurisdictions.Count);
        var overall = Outcome.Permitted;
        for (var i = 0; i < rules.Jurisdictions.Count; i++)
        {
            var result = DetermineJurisdiction(rules.Jurisdictions[i], rules.ByJurisdiction[i], facts);
            jurisdictions.Add(result);
            overall = OutcomeNames.Max(overall, result.Outcome);
        }
        return new Determination(transaction.Id, date, rules.KnownAt, overall, jurisdictions.MoveToImmutable(), rules.Hash);
    }

    private static JurisdictionDetermination DetermineJurisdiction(string jurisdiction, CompiledPack[] packs, Facts facts)
    {
        var inForce = new List<CompiledPack>(packs.Length);
        foreach (var pack in packs)
        {
            if (pack.InForce(facts.Date))
            {
                inForce.Add(pack);
            }
        }
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var pack in packs)
        {
            if (!pack.InForce(facts.Date) && pack.Source.Requirements.Count > 0)
            {
                notes.Add(pack.Effective.From > facts.Date
                    ? $"{pack.Source.Id} is not yet in force on this date: it applies from {Time.EffectivePeriod.Format(pack.Effective.From)}"
                    : $"{pack.Source.Id} no longer applies on this date: it was in force {pack.Effective}");
            }
        }
        var versions = inForce.Select(p => p.Source.Version).ToImmutableArray();

        // Reach: does this jurisdiction's law reach the act at all (export from NL, US-origin item…)?
        var reach = Truth.False;
        foreach (var pack in inForce)
        {
            if (pack.Reach is { } condition)
            {
                reach = Kleene.Or(reach, condition.Evaluate(facts));
            }
        }
        var classifications = Classify(inForce, facts);
        if (reach == Truth.False)
        {
            foreach (var pack in inForce.Where(p => p.Reach is not null))
            {
                var why = new Explanation();
                pack.Reach!.Explain(facts, why);
                notes.Add($"{pack.Source.Id} does not reach this act: {string.Join("; ", why.Because)}");
            }
            return new JurisdictionDetermination(jurisdiction, Outcome.NotApplicable, classifications, [], notes.ToImmutable(), versions);
        }

        var applies = new List<(CompiledRequirement Rule, Truth Truth)>();
        var outcome = Outcome.Permitted;
        foreach (var pack in inForce)
        {
            foreach (var rule in pack.Requirements)
            {
                if (!rule.Effective.Contains(facts.Date))
                {
                    continue;
                }
                var truth = rule.Evaluate(facts);
                applies.Add((rule, truth));
                if (truth == Truth.True)
                {
                    outcome = OutcomeNames.Max(outcome, rule.Definition.Effect.ToOutcome());
                }
            }
        }
        // A missing fact matters only if knowing it could make the outcome more severe.
        var definite = outcome;
        foreach (var (rule, truth) in applies)
        {
            if (truth == Truth.Unknown && rule.Definition.Effect.ToOutcome() > definite)
            {
                outcome = OutcomeNames.Max(outcome, Outcome.Review);
            }
        }
        if (reach == Truth.Unknown)
        {
            outcome = OutcomeNames.Max(outcome, Outcome.Review);
        }

        var findings = ImmutableArray.CreateBuilder<Finding>(applies.Count);
        foreach (var (rule, truth) in applies.OrderBy(a => Rank(a.Truth)).ThenByDescending(a => a.Rule.Definition.Effect))
        {
            var explanation = new Explanation();
            rule.Explain(facts, explanation);
            var status = truth switch
            {
                Truth.True => FindingStatus.Applies,
                Truth.False => FindingStatus.DoesNotApply,
                _ => FindingStatus.Undetermined,
            };
            findings.Add(new Finding(rule.Id, rule.Definition.Title, rule.Definition.Effect, status, rule.Definition.Citation,
                string.Join("; ", explanation.Because), [.. explanation.Missing], rule.Confidence, rule.Pack.Source.Version));
        }
        return new JurisdictionDetermination(jurisdiction, outcome, classifications, findings.MoveToImmutable(), notes.ToImmutable(), versions);
    }

    private static int Rank(Truth truth) => truth switch
    {
        Truth.True => 0,
        Truth.Unknown => 1,
        _ => 2,
    };

    private static ImmutableArray<string> Classify(List<CompiledPack> inForce, Facts facts)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var pack in inForce)
        {
            foreach (var control in pack.Controls)
            {
                if (control.Effective.Contains(facts.Date) && control.Evaluate(facts) == Truth.True)
                {
                    result.Add(control.QualifiedId);
                }
            }
        }
        return result.ToImmutable();
    }
}
