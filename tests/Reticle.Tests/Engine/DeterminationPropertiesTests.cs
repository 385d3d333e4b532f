using FsCheck;
using Outcome = Reticle.Determination.Outcome;
using FsCheck.Xunit;
using NodaTime;
using Reticle.Audit;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Tests.Engine;

/// <summary>Properties of the engine that no single example can show.</summary>
public sealed class DeterminationPropertiesTests
{
    private static readonly string[] Destinations = ["CN", "US", "DE", "JP", "MO", "KR", "BE", "RU", "TW", "GB"];
    private static readonly string[] Origins = ["NL", "DE", "US", "JP", "BE"];

    private static Transaction Random(int seed)
    {
        var random = new Random(seed);
        var day = new LocalDate(2021, 1, 1).PlusDays(random.Next(0, 2200));
        decimal? Maybe(decimal value) => random.Next(8) == 0 ? null : value;
        var t = Transactions.Litho(
            NodaTime.Text.LocalDatePattern.Iso.Format(day),
            to: Destinations[random.Next(Destinations.Length)],
            from: Origins[random.Next(Origins.Length)],
            wavelength: Maybe(new[] { 13.5m, 193m, 248m, 365m }[random.Next(4)]),
            na: Maybe(Math.Round(0.3m + (decimal)random.NextDouble() * 1.1m, 3)),
            dco: Maybe(Math.Round(0.8m + (decimal)random.NextDouble() * 2.5m, 2)),
            kind: random.Next(10) == 0 ? "etch" : "lithography");
        return t with { Id = $"P-{seed}" };
    }

    private static string Json(Reticle.Determination.Determination d) => CanonicalJson.Encode(DeterminationJson.ToJson(d));

    [Property(MaxTest = 500)]
    public void The_same_transaction_always_gets_the_same_decision(PositiveInt seed)
    {
        var t = Random(seed.Get);
        Json(DeterminationEngine.Determine(BundledRules.Rules, t)).ShouldBe(Json(DeterminationEngine.Determine(BundledRules.Rules, t)));
    }

    [Property(MaxTest = 200)]
    public void A_decision_depends_only_on_its_inputs_not_on_what_was_decided_before(PositiveInt seed, PositiveInt other)
    {
        // A freshly compiled rule set, with other transactions decided first, gives the same answer.
        var t = Random(seed.Get);
        var expected = Json(DeterminationEngine.Determine(BundledRules.Rules, t));
        var errors = new List<PackError>();
        var fresh = RuleSetCompiler.Compile(BundledRules.Packs, errors)!;
        DeterminationEngine.Determine(fresh, Random(other.Get));
        Json(DeterminationEngine.Determine(fresh, t)).ShouldBe(expected);
    }

    [Property(MaxTest = 300)]
    public void The_overall_outcome_is_the_most_severe_jurisdiction_outcome(PositiveInt seed)
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Random(seed.Get));
        var most = d.Jurisdictions.Select(j => j.Outcome == Outcome.NotApplicable ? Outcome.Permitted : j.Outcome).DefaultIfEmpty(Outcome.Permitted).Max();
        d.Outcome.ShouldBe(most);
    }

    [Property(MaxTest = 300)]
    public void Review_always_names_what_is_missing(PositiveInt seed)
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Random(seed.Get));
        foreach (var j in d.Jurisdictions.Where(j => j.Outcome == Outcome.Review))
        {
            j.Findings.ShouldContain(f => f.Status == FindingStatus.Undetermined && !f.Missing.IsDefaultOrEmpty);
        }
    }

    [Property(MaxTest = 200)]
    public void Evaluating_on_a_date_equals_evaluating_a_transaction_dated_that_day(PositiveInt seed, PositiveInt shift)
    {
        var t = Random(seed.Get);
        var other = t.Date.PlusDays(shift.Get % 1000);
        Json(DeterminationEngine.Determine(BundledRules.Rules, t, other))
            .ShouldBe(Json(DeterminationEngine.Determine(BundledRules.Rules, t with { Date = other })));
    }

    [Property(MaxTest = 300)]
    public void The_fast_outcome_pass_agrees_with_the_full_determination(PositiveInt seed)
    {
        var t = Random(seed.Get);
        var full = DeterminationEngine.Determine(BundledRules.Rules, t);
        var fast = DeterminationEngine.Outcomes(BundledRules.Rules, t);
        fast.Outcome.ShouldBe(full.Outcome);
        fast.Jurisdictions.ShouldBe(full.Jurisdictions.Select(j => j.Outcome).ToArray());
    }
}
