using Reticle.Determination;
using Reticle.Input;

namespace Reticle.Tests.Content;

/// <summary>The content the product ships: valid, cited, and giving the answers the story says.</summary>
public sealed class BundledContentTests
{
    [Fact]
    public void Bundled_packs_validate_and_every_rule_carries_its_citation_and_source_date()
    {
        var rules = BundledRules.Rules;
        rules.Packs.ShouldNotBeEmpty();
        foreach (var pack in rules.Packs)
        {
            pack.Source.Citation.ShouldNotBeNullOrWhiteSpace();
            pack.Source.Source.ShouldNotBeNull($"{pack.Source.Id} has no source").Snapshot.ShouldNotBeNull($"{pack.Source.Id} has no source snapshot date");
            foreach (var rule in pack.Requirements)
            {
                rule.Definition.Citation.ShouldNotBeNullOrWhiteSpace();
            }
            foreach (var control in pack.Controls)
            {
                control.Definition.Citation.ShouldNotBeNullOrWhiteSpace($"{control.QualifiedId} has no citation");
            }
        }
    }

    [Fact]
    public void Every_catalogue_number_names_its_source()
    {
        var catalog = BundledRules.Catalog;
        catalog.Items.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var item in catalog.Items)
        {
            foreach (var (name, value) in item.Parameters.Where(p => p.Value.Number is not null))
            {
                item.Sources.ShouldContainKey(name, $"{item.Sku}.{name}");
                item.Sources[name].Source.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Theory]
    [InlineData("nxt2050i-to-smic-beijing-2023-08-31.json", "not-applicable", "permitted", "permitted")]
    [InlineData("nxt2050i-to-smic-beijing-2023-09-15.json", "license-required", "permitted", "license-required")]
    [InlineData("nxt1980i-to-cn-2024-03-01.json", "permitted", "permitted", "permitted")]
    [InlineData("nxt1980i-to-cn-2024-09-10.json", "license-required", "permitted", "license-required")]
    [InlineData("nxe3400c-to-cn-2022-06-01.json", "not-applicable", "license-required", "license-required")]
    [InlineData("nxt1470-dry-to-cn-2024-03-01.json", "permitted", "permitted", "permitted")]
    [InlineData("nxt2050i-to-us-2024-02-01.json", "license-required", "permitted", "license-required")]
    [InlineData("nxt2050i-to-de-2024-02-01.json", "permitted", "permitted", "permitted")]
    public void Bundled_samples_get_the_answers_of_the_story(string file, string nl, string eu, string overall)
    {
        var errors = new List<InputError>();
        var input = TransactionReader.Read(file, File.ReadAllText(Path.Combine(Repository.Content, "samples", file)), errors);
        errors.ShouldBeEmpty();
        var t = BundledRules.Catalog.Complete(input.Transactions.Single());
        var d = DeterminationEngine.Determine(BundledRules.Rules, t);
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ToWire().ShouldBe(nl);
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Outcome.ToWire().ShouldBe(eu);
        d.Outcome.ToWire().ShouldBe(overall);
    }

    [Fact]
    public void Sample_catalogue_items_complete_a_transaction_that_names_only_the_sku()
    {
        var errors = new List<InputError>();
        var t = TransactionReader.Read("x", """{"id":"X","date":"2024-10-01","activity":"export","from":"NL","to":"CN","item":{"sku":"NXT:1980i"}}""", errors)
            .Transactions.Single();
        var completed = BundledRules.Catalog.Complete(t);
        completed.Item.Parameters["dedicatedChuckOverlayNm"].Number.ShouldBe(1.6m);
        DeterminationEngine.Determine(BundledRules.Rules, completed).Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(Outcome.LicenseRequired);
    }

    [Fact]
    public void Inline_parameters_win_over_the_catalogue()
    {
        var errors = new List<InputError>();
        var t = TransactionReader.Read("x", """{"id":"X","date":"2024-10-01","activity":"export","from":"NL","to":"CN","item":{"sku":"NXT:1980i","parameters":{"dedicatedChuckOverlayNm":2.5}}}""", errors)
            .Transactions.Single();
        BundledRules.Catalog.Complete(t).Item.Parameters["dedicatedChuckOverlayNm"].Number.ShouldBe(2.5m);
    }
}
