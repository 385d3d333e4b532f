using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Rules;

/// <summary>
/// <c>designedFor(J, [entries])</c>: software or technology is listed by what the item it is for falls under,
/// and it is not that item's component.
/// </summary>
public sealed class DesignedForTests
{
    private const string Pack = """
        pack: test.list
        jurisdiction: EU
        citation: test
        published: 2020-01-01
        effective: { from: 2020-01-01 }
        controlList: TEST
        reach: from == NL
        definitions:
          parameters:
            purpose: { type: text }
        controls:
          - id: 3B501.f.1.b
            when: kind == lithography and dedicatedChuckOverlayNm <= 1.50 nm
            components: true
          - id: 3D002
            when: kind == software and purpose == use and designedFor(EU, [3B501.f.1])
        requirements:
          - id: test.rule
            activities: [export, spare-parts, software]
            items: [3B501.f.1.b, 3D002]
            effect: license-required
            citation: art. 3
        """;

    private static RuleSet Compile(string text, List<PackError> errors)
    {
        var packs = RulePackLoader.ReadAll([new RulePackSource("test.yaml", text)], errors);
        return errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors)! : null!;
    }

    private static readonly Lazy<RuleSet> Rules = new(() =>
    {
        var errors = new List<PackError>();
        var rules = Compile(Pack, errors);
        errors.ShouldBeEmpty();
        return rules;
    });

    private static Item Scanner(decimal dco) => new()
    {
        Sku = "SCANNER",
        Parameters = ImmutableDictionary<string, ParameterValue>.Empty
            .Add("kind", ParameterValue.Of("lithography")).Add("dedicatedChuckOverlayNm", ParameterValue.Of(dco)),
    };

    private static JurisdictionDetermination Decide(string kind, Item? parent, Activity activity = Activity.Software)
    {
        var item = new Item
        {
            Parameters = ImmutableDictionary<string, ParameterValue>.Empty.Add("kind", ParameterValue.Of(kind)).Add("purpose", ParameterValue.Of("use")),
            SpeciallyDesignedFor = parent?.Sku,
            Parent = parent,
        };
        var t = Litho("2024-01-01") with { Activity = activity, Item = item };
        return DeterminationEngine.Determine(Rules.Value, t).Jurisdictions.Single();
    }

    [Theory]
    [InlineData(1.50, Outcome.LicenseRequired)]
    [InlineData(1.51, Outcome.Permitted)]
    public void Software_is_listed_by_what_its_item_falls_under(decimal dco, Outcome expected)
    {
        var d = Decide("software", Scanner(dco));
        d.Outcome.ShouldBe(expected);
        d.Classifications.Contains("TEST 3D002").ShouldBe(expected == Outcome.LicenseRequired);
    }

    [Fact]
    public void Software_is_not_a_component_of_the_item_it_is_for() =>
        Decide("software", Scanner(1.1m)).Classifications.ShouldNotContain("TEST 3B501.f.1.b");

    [Fact]
    public void A_part_is_a_component_of_its_item() =>
        Decide("spare-part", Scanner(1.1m), Activity.SpareParts).Classifications.ShouldContain("TEST 3B501.f.1.b");

    [Fact]
    public void Software_that_names_no_item_is_undetermined_and_asks_for_it()
    {
        var d = Decide("software", parent: null);
        d.Outcome.ShouldBe(Outcome.Review);
        d.Findings.Single().Missing.ShouldContain("item.speciallyDesignedFor");
    }

    [Fact]
    public void DesignedFor_needs_a_jurisdiction_and_entries()
    {
        var errors = new List<PackError>();
        Compile(Pack.Replace("designedFor(EU, [3B501.f.1])", "designedFor(EU)", StringComparison.Ordinal), errors);
        errors.ShouldContain(e => e.Message.Contains("designedFor takes a jurisdiction and entries", StringComparison.Ordinal));
    }

    [Fact]
    public void Classified_is_still_refused_inside_a_control_entry()
    {
        var errors = new List<PackError>();
        Compile(Pack.Replace("designedFor(EU, [3B501.f.1])", "classified(EU, [3B501.f.1])", StringComparison.Ordinal), errors);
        errors.ShouldContain(e => e.Message.Contains("classified(...) cannot be used inside a control entry", StringComparison.Ordinal));
    }
}
