using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Packs;
using Reticle.Screening.Matching;
using Reticle.WhatIf;

namespace Reticle.Tests.WhatIf;

/// <summary>
/// What-if's totals are kept as the changes pass (a streamed report holds none of them): every material change is counted
/// once by customer, item and month, once per jurisdiction whose outcome or licence changed, and the value at stake adds
/// up to the report's.
/// </summary>
public sealed class WhatIfTotalsTests
{
    [Theory]
    [InlineData("de")]
    [InlineData("kr")]
    [InlineData("us")]
    public void Totals_count_every_material_change_once_per_group_and_add_up_to_the_value_at_stake(string draft)
    {
        var errors = new List<PackError>();
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Content, "drafts", draft), "*.yaml").Select(f => new RulePackSource(f, File.ReadAllText(f))).ToList();
        var compiled = DraftRules.Compile(BundledRules.Packs, sources, null, errors);
        errors.ShouldBeEmpty();
        var basis = DecisionBasis.Of(compiled!.InUse, BundledRules.Catalog, ScreeningIndex.Build([]), ImmutableSortedDictionary<string, string>.Empty.Add("us-csl", "test"), LicenseBook.Empty);
        var withDrafts = basis with { Rules = compiled.WithDrafts };

        var report = WhatIfAnalysis.Run(Orders(), basis, withDrafts, compiled.Drafts, null, new NodaTime.LocalDate(2026, 12, 5), all: true);

        var material = report.Changes.Changes.Where(c => c.Material).ToList();
        material.ShouldNotBeEmpty();
        foreach (var groups in new[] { report.Totals.ByCustomer, report.Totals.ByItem, report.Totals.ByMonth })
        {
            groups.Sum(g => g.Orders).ShouldBe(material.Count);
            groups.Sum(g => g.Worse).ShouldBe(material.Count(c => c.Worse));
            ValueTotals.Sum(groups.SelectMany(g => g.ValueAtStake).Select(m => (Money?)m)).ShouldBe(report.Changes.ValueAtStake);
            groups.Select(g => g.Key).ShouldBe(groups.Select(g => g.Key).Order(StringComparer.Ordinal));
        }
        report.Totals.ByJurisdiction.Sum(g => g.Orders).ShouldBe(material.Sum(c => c.Before.Jurisdictions.Select(j => j.Jurisdiction)
            .Union(c.After.Jurisdictions.Select(j => j.Jurisdiction))
            .Count(j => OutcomeOf(c.Before, j).ClassOf() != OutcomeOf(c.After, j).ClassOf() || LicenseOf(c.Before, j) != LicenseOf(c.After, j))));
        report.Totals.ShouldBeEquivalentTo(ImpactTotals.Of(report.Changes.Changes.Reverse()));
    }

    private static IReadOnlyList<Transaction> Orders()
    {
        var errors = new List<InputError>();
        var file = Path.Combine(Repository.Content, "drafts", "sample-orders.jsonl");
        var read = TransactionReader.Read(file, File.ReadAllText(file), errors).Transactions;
        errors.ShouldBeEmpty();
        return [.. read.Select(BundledRules.Catalog.Complete)];
    }

    private static Outcome OutcomeOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.Outcome ?? Outcome.NotApplicable;

    private static string? LicenseOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.License?.LicenseId;
}
