using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Rules;

/// <summary>
/// A determination lists the entries an item falls under by looking only at those in force on the day and not
/// written for another kind of item. What it lists must be exactly what testing every entry would list.
/// </summary>
public sealed class ControlIndexTests
{
    private const string Pack = """
        pack: test.index
        jurisdiction: EU
        citation: test
        published: 2020-01-01
        effective: { from: 2020-01-01 }
        controlList: TEST
        reach: from == NL
        controls:
          - id: 3B001.a
            when: kind == etch and wavelengthNm <= 193 nm
          - id: 3B001.f
            when: kind == lithography and wavelengthNm <= 193 nm
            components: true
          - id: 3B999
            when: wavelengthNm <= 193 nm
          - id: 3B002
            when: kind == lithography and wavelengthNm <= 248 nm
            effective: { from: 2024-06-01 }
        requirements:
          - id: test.rule
            activities: [export, spare-parts]
            items: [3B001.a, 3B001.f, 3B999, 3B002]
            effect: license-required
            citation: art. 3
        """;

    private static readonly Lazy<RuleSet> Rules = new(() =>
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([new RulePackSource("test.yaml", Pack)], errors);
        var rules = RuleSetCompiler.Compile(packs, errors);
        errors.ShouldBeEmpty();
        return rules!;
    });

    private static Item Item(string? kind, decimal wavelength = 193m, Item? parent = null, string? declared = null)
    {
        var parameters = ImmutableDictionary<string, ParameterValue>.Empty.Add("wavelengthNm", ParameterValue.Of(wavelength));
        return new Item
        {
            Sku = kind ?? "UNKNOWN",
            Parameters = kind is null ? parameters : parameters.Add("kind", ParameterValue.Of(kind)),
            Classifications = declared is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add("EU", declared),
            Parent = parent,
        };
    }

    private static ImmutableArray<string> Classified(Item item, string date = "2024-01-01") =>
        DeterminationEngine.Determine(Rules.Value, Litho(date) with { Item = item }).Jurisdictions.Single().Classifications;

    [Fact]
    public void A_scanner_falls_under_the_lithography_entries_and_those_for_any_kind_never_under_etch() =>
        Classified(Item("lithography")).ShouldBe(["TEST 3B001.f", "TEST 3B999"]);

    [Fact]
    public void An_etcher_falls_under_the_etch_entry_and_those_for_any_kind() =>
        Classified(Item("etch")).ShouldBe(["TEST 3B001.a", "TEST 3B999"]);

    [Fact]
    public void A_component_falls_under_its_parents_entry_though_that_entry_is_for_another_kind() =>
        Classified(Item("part", wavelength: 365m, parent: Item("lithography"))).ShouldBe(["TEST 3B001.f"]);

    [Fact]
    public void An_item_of_no_stated_kind_is_tested_against_every_entry_and_its_declared_classification_decides() =>
        Classified(Item(null, declared: "TEST 3B001.a")).ShouldBe(["TEST 3B001.a", "TEST 3B999"]);

    [Theory]
    [InlineData("2024-05-31", new[] { "TEST 3B001.f", "TEST 3B999" })]
    [InlineData("2024-06-01", new[] { "TEST 3B001.f", "TEST 3B999", "TEST 3B002" })]
    public void An_entry_counts_from_the_day_it_comes_into_force(string date, string[] expected) =>
        Classified(Item("lithography"), date).ShouldBe(expected);
}
