using System.Collections.Immutable;
using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Packs;
using Reticle.Screening.Matching;
using Reticle.Time;
using Reticle.WhatIf;

namespace Reticle.Tests.Impact;

/// <summary>What the impact report counts as a change that matters (CONTRACT §6), where two kinds of movement meet on one order.</summary>
public sealed class ImpactMaterialityTests
{
    // A jurisdiction that reaches every Dutch export of lithography but restricts none bound for China: its rules coming into
    // view move the NL-to-China scanner only from not-applicable to permitted.
    private const string Reaching = """
        pack: zz.reach-only
        jurisdiction: ZZ
        title: Test jurisdiction whose rules reach Dutch lithography exports
        citation: test fixture
        published: 2020-01-01
        effective: { from: 2020-01-01 }
        confidence: unverified
        controlList: ZZ-TEST
        reach: from == NL
        controls:
          - id: lithography
            title: Lithography
            when: kind == lithography
        requirements:
          - id: zz.lithography-to-macau
            title: Licence to export lithography to Macau
            activities: [export]
            items: [lithography]
            when: to in [MO]
            effect: license-required
            citation: test fixture
        """;

    [Fact]
    public void A_covering_licence_replaced_on_an_order_that_another_jurisdiction_merely_reaches_is_a_material_change()
    {
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(BundledRules.Packs, [new RulePackSource("zz.yaml", Reaching)], null, errors);
        errors.ShouldBeEmpty();
        var order = Order();
        var before = Side(compiled!.InUse, "NL-2023-0001");
        var after = Side(compiled.WithDrafts, "NL-2023-0002");

        var report = ImpactAnalysis.Run([order], before, after);

        var change = report.Changes.ShouldHaveSingleItem();
        (change.Material, change.Before.Outcome, change.After.Outcome).ShouldBe((true, Outcome.Licensed, Outcome.Licensed));
        change.Before.Jurisdictions.Single(j => j.Jurisdiction == "NL").License!.LicenseId.ShouldBe("NL-2023-0001");
        change.After.Jurisdictions.Single(j => j.Jurisdiction == "NL").License!.LicenseId.ShouldBe("NL-2023-0002");
        change.After.Jurisdictions.Single(j => j.Jurisdiction == "ZZ").Outcome.ShouldBe(Outcome.Permitted);
        (report.Material, report.Immaterial).ShouldBe((1, 0));
        // Listing everything changes nothing about an order that matters.
        ImpactAnalysis.Run([order], before, after, new ImpactOptions(IncludeImmaterial: true)).Changes.ShouldHaveSingleItem().Material.ShouldBeTrue();
    }

    [Fact]
    public void The_same_licence_on_an_order_that_another_jurisdiction_merely_reaches_is_not_material()
    {
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(BundledRules.Packs, [new RulePackSource("zz.yaml", Reaching)], null, errors);
        var order = Order();
        var before = Side(compiled!.InUse, "NL-2023-0001");
        var after = Side(compiled.WithDrafts, "NL-2023-0001");

        var report = ImpactAnalysis.Run([order], before, after);

        report.Changes.ShouldBeEmpty();
        (report.Material, report.Immaterial).ShouldBe((0, 1));
        ImpactAnalysis.Run([order], before, after, new ImpactOptions(IncludeImmaterial: true)).Changes.ShouldHaveSingleItem().Material.ShouldBeFalse();
    }

    private static Transaction Order() => BundledRules.Catalog.Complete(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"));

    private static ImpactSide Side(Reticle.Rules.Compilation.RuleSet rules, string license)
    {
        var book = LicenseBook.Empty.With(new LicenseIssued(new License
        {
            Id = license,
            Jurisdiction = "NL",
            Holder = "ASML Netherlands B.V.",
            Issued = new LocalDate(2023, 9, 1),
            Validity = EffectivePeriod.Create(new LocalDate(2023, 9, 1), new LocalDate(2024, 12, 31)),
            Destinations = [CountryCode.Parse("CN")],
            Lines = [new LicenseLine(1, new LicenseItemCriteria("NXT:2050i", null, null), 5, null)],
        }));
        var lists = ImmutableSortedDictionary<string, string>.Empty.Add("us-csl", "test");
        return new ImpactSide(new LocalDate(2023, 12, 1), DecisionBasis.Of(rules, BundledRules.Catalog, ScreeningIndex.Build([]), lists, book));
    }
}
