using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Rules.Packs;
using Reticle.WhatIf;

namespace Reticle.Tests.WhatIf;

/// <summary>Draft packs compiled beside the bundled packs (<see cref="DraftRules"/>), and the outcome classes that decide what matters.</summary>
public sealed class DraftRulesTests
{
    private static RulePackSource Draft(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Content, "drafts", folder), "*.yaml").Select(f => new RulePackSource(f, File.ReadAllText(f))).Single();

    [Fact]
    public void A_draft_that_supersedes_a_pack_in_use_ends_it_where_the_draft_starts_on_the_draft_side_only()
    {
        var errors = new List<PackError>();

        var compiled = DraftRules.Compile(BundledRules.Packs, [Draft("us")], null, errors);

        errors.ShouldBeEmpty();
        compiled!.WithDrafts.Packs.Single(p => p.Source.Id == "us.ear-2024-12").Effective.Until.ShouldBe(new LocalDate(2027, 1, 1));
        compiled.InUse.Packs.Single(p => p.Source.Id == "us.ear-2024-12").Effective.Until.ShouldBeNull();
        compiled.InUse.Hash.ShouldBe(BundledRules.Rules.Hash);
        compiled.Drafts.ShouldHaveSingleItem().Supersedes.ShouldBe(["us.ear-2024-12"]);
    }

    [Fact]
    public void A_draft_published_after_the_knowledge_date_still_counts_and_adds_its_jurisdiction()
    {
        var errors = new List<PackError>();

        var compiled = DraftRules.Compile(BundledRules.Packs, [Draft("kr")], new LocalDate(2025, 1, 1), errors);

        errors.ShouldBeEmpty();
        compiled!.WithDrafts.Jurisdictions.ShouldContain("KR");
        compiled.InUse.Jurisdictions.ShouldNotContain("KR");
        // The packs in use as known then: the Dutch amendment of 2025 (published 2025-01-15) was not yet known.
        compiled.InUse.Packs.ShouldNotContain(p => p.Source.Id == "nl.sme-2025");
    }

    [Fact]
    public void A_draft_that_clashes_with_a_pack_in_use_is_an_error_naming_its_own_file()
    {
        var errors = new List<PackError>();
        var clash = new RulePackSource("drafts/clash.yaml", File.ReadAllText(Draft("kr").File).Replace("pack: kr.motie-duv-draft", "pack: nl.sme-2024", StringComparison.Ordinal));

        DraftRules.Compile(BundledRules.Packs, [clash], null, errors).ShouldBeNull();

        errors.ShouldContain(e => e.File == "drafts/clash.yaml" && e.Message.Contains("pack id 'nl.sme-2024' is already used", StringComparison.Ordinal));
    }

    [Fact]
    public void No_draft_at_all_is_an_error() =>
        DraftRules.Compile(BundledRules.Packs, [], null, []).ShouldBeNull();

    [Theory]
    [InlineData(Outcome.NotApplicable, OutcomeClass.Go)]
    [InlineData(Outcome.Permitted, OutcomeClass.Go)]
    [InlineData(Outcome.Licensed, OutcomeClass.Licensed)]
    [InlineData(Outcome.LicenseRequired, OutcomeClass.LicenseRequired)]
    [InlineData(Outcome.Review, OutcomeClass.Review)]
    [InlineData(Outcome.Prohibited, OutcomeClass.Prohibited)]
    public void Not_applicable_and_permitted_are_one_class_and_every_other_outcome_its_own(Outcome outcome, OutcomeClass expected) =>
        outcome.ClassOf().ShouldBe(expected);

    [Fact]
    public void Value_totals_add_amounts_of_one_currency_only_and_skip_orders_without_a_value() =>
        ValueTotals.Sum([new Model.Money(5, "USD"), null, new Model.Money(2, "EUR"), new Model.Money(3, "USD")])
            .ShouldBe([new Model.Money(2, "EUR"), new Model.Money(8, "USD")]);
}
