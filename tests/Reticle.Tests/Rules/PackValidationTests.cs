using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Tests.Rules;

/// <summary>Every kind of validation error, each with its file, line, column and rule id.</summary>
public sealed class PackValidationTests
{
    private const string Definitions = """
        pack: test.definitions
        jurisdiction: EU
        citation: test definitions
        published: 2020-01-01
        effective: { from: 2000-01-01 }
        definitions:
          groups:
            test.eu:
              members: [NL, DE, { country: GB, until: 2021-01-01 }]
          formulas:
            mrf:
              unit: nm
              arguments: [K]
              expression: wavelengthNm * K / numericalAperture
        """;

    private static string Pack(string controlWhen = "wavelengthNm >= 193 nm", string requirementWhen = "to not in test.eu",
        string items = "[3B001.f.4]", string effective = "{ from: 2023-09-01 }", string extra = "", string id = "test.nl") => $"""
        pack: {id}
        jurisdiction: NL
        citation: test citation
        published: 2023-06-30
        effective: {effective}
        controlList: NL-TEST
        reach: from == NL
        {extra}
        controls:
          - id: 3B001.f.4
            when: {controlWhen}
        requirements:
          - id: nl.test.rule
            activities: [export]
            items: {items}
            when: {requirementWhen}
            effect: license-required
            citation: art. 2
        """;

    private static List<PackError> Errors(params (string File, string Text)[] files)
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(files.Select(f => new RulePackSource(f.File, f.Text)), errors);
        if (errors.Count == 0)
        {
            RuleSetCompiler.Compile(packs, errors).ShouldBeNull(string.Join("\n", errors));
        }
        errors.ShouldNotBeEmpty();
        return errors;
    }

    [Fact]
    public void A_valid_pair_of_packs_compiles()
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([new("defs.yaml", Definitions), new("nl.yaml", Pack())], errors);
        RuleSetCompiler.Compile(packs, errors).ShouldNotBeNull(string.Join("\n", errors));
    }

    [Fact]
    public void Unknown_keys_are_rejected_with_their_position()
    {
        var error = Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(extra: "jurisdicton: NL"))).Single();
        error.File.ShouldBe("nl.yaml");
        error.Line.ShouldBe(8);
        error.Column.ShouldBe(1);
        error.Message.ShouldStartWith("unknown key 'jurisdicton'");
    }

    [Fact]
    public void Unknown_keys_inside_a_rule_name_the_rule()
    {
        var text = Pack().Replace("    effect: license-required", "    efect: license-required\n    effect: license-required");
        var error = Errors(("defs.yaml", Definitions), ("nl.yaml", text)).Single();
        error.RuleId.ShouldBe("nl.test.rule");
        error.Message.ShouldStartWith("unknown key 'efect'");
    }

    [Theory]
    [InlineData("published: 2023-06-31", "'published' must be a date YYYY-MM-DD")]
    [InlineData("published: [2023]", "'published' must be a date YYYY-MM-DD, not a list")]
    public void Bad_types_are_rejected(string replacement, string message)
    {
        var errors = Errors(("defs.yaml", Definitions), ("nl.yaml", Pack().Replace("published: 2023-06-30", replacement)));
        errors.ShouldContain(e => e.Message.StartsWith(message, StringComparison.Ordinal) && e.Line == 4);
    }

    [Fact]
    public void A_wrong_effect_is_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack().Replace("effect: license-required", "effect: forbidden")))
            .ShouldContain(e => e.Message.Contains("effect must be license-required, review or prohibited"));

    [Fact]
    public void Unknown_groups_are_rejected_at_the_reference()
    {
        var error = Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(requirementWhen: "to not in test.europe"))).Single();
        error.Message.ShouldBe("unknown group 'test.europe'");
        error.RuleId.ShouldBe("nl.test.rule");
        error.Line.ShouldBe(16);
        error.Column.ShouldBe(21);
    }

    [Fact]
    public void Unknown_control_entries_are_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(items: "[3B001.f.9]")))
            .Single().Message.ShouldBe("unknown control entry '3B001.f.9' (looked for 'NL-TEST 3B001.f.9')");

    [Fact]
    public void Unknown_formulas_are_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(controlWhen: "mrff(K = 0.25) <= 45 nm")))
            .Single().Message.ShouldBe("unknown formula 'mrff'");

    [Fact]
    public void Unknown_parameters_are_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(controlWhen: "wavelenghtNm >= 193 nm")))
            .Single().Message.ShouldBe("unknown name 'wavelenghtNm': not a parameter, fact, formula or group");

    [Fact]
    public void Units_that_do_not_fit_are_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(controlWhen: "wavelengthNm >= 5 ms")))
            .Single().Message.ShouldBe("units do not fit: length compared with time");

    [Fact]
    public void A_threshold_without_its_unit_is_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(controlWhen: "dedicatedChuckOverlayNm <= 1.50")))
            .Single().Message.ShouldBe("units do not fit: length compared with a plain number (write the unit, e.g. 193 nm)");

    [Fact]
    public void A_formula_called_without_its_argument_is_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(controlWhen: "mrf <= 45 nm")))
            .Single().Message.ShouldBe("formula 'mrf' needs argument 'K' (write mrf(K = ...))");

    [Fact]
    public void Periods_that_end_before_they_start_are_rejected()
    {
        var error = Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(effective: "{ from: 2023-09-01, until: 2023-01-01 }"))).Single();
        error.Message.ShouldContain("period ends (2023-01-01) on or before it starts (2023-09-01)");
        error.Line.ShouldBe(5);
    }

    [Fact]
    public void Overlapping_versions_of_one_rule_are_rejected()
    {
        var first = Pack(effective: "{ from: 2023-09-01, until: 2024-10-01 }");
        var second = Pack(effective: "{ from: 2024-09-07 }", id: "test.nl-2024").Replace("NL-TEST", "NL-TEST-2024");
        var error = Errors(("defs.yaml", Definitions), ("nl-2023.yaml", first), ("nl-2024.yaml", second)).Single();
        error.RuleId.ShouldBe("nl.test.rule");
        error.Message.ShouldBe("overlapping versions of rule 'nl.test.rule': periods [2023-09-01, 2024-10-01) and [2024-09-07, open) overlap");
        error.File.ShouldBe("nl-2024.yaml");
    }

    [Fact]
    public void Malformed_conditions_point_at_the_offending_character()
    {
        var error = Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(controlWhen: "wavelengthNm >= and 193 nm"))).Single();
        error.Message.ShouldBe("'when': expected a value, a name or '(' but found 'and'");
        error.Line.ShouldBe(11);
        error.Column.ShouldBe(27);
    }

    [Fact]
    public void Malformed_yaml_is_rejected_with_its_position()
    {
        var error = Errors(("nl.yaml", "pack: x\njurisdiction: [NL\n")).Single();
        error.Message.ShouldStartWith("malformed YAML");
        error.Line.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Missing_required_metadata_is_named() =>
        Errors(("nl.yaml", Pack().Replace("citation: test citation\n", "")))
            .ShouldContain(e => e.Message == "missing required key 'citation'");

    [Fact]
    public void Unknown_countries_in_groups_are_rejected() =>
        Errors(("defs.yaml", Definitions.Replace("[NL, DE,", "[NL, XX,")))
            .Single().Message.ShouldBe("group 'test.eu': unknown country code 'XX' (ISO 3166-1 alpha-2 expected)");

    [Fact]
    public void Unknown_activities_are_rejected() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack().Replace("[export]", "[exprt]")))
            .ShouldContain(e => e.Message.StartsWith("unknown activity 'exprt'", StringComparison.Ordinal));

    [Fact]
    public void Duplicate_pack_ids_are_rejected() =>
        Errors(("defs.yaml", Definitions), ("a.yaml", Pack()), ("b.yaml", Pack()))
            .ShouldContain(e => e.Message == "pack id 'test.nl' is already used by a.yaml");

    [Fact]
    public void Supersedes_must_name_a_known_pack() =>
        Errors(("defs.yaml", Definitions), ("nl.yaml", Pack(extra: "supersedes: [test.nl-1999]")))
            .Single().Message.ShouldBe("'supersedes' names unknown pack 'test.nl-1999'");

    [Fact]
    public void A_key_given_twice_in_a_pack_is_rejected_naming_its_line()
    {
        var text = Pack().Replace("effect: license-required", "effect: license-required\n    effect: review");
        var error = Errors(("dup.yaml", text)).ShouldHaveSingleItem();
        error.File.ShouldBe("dup.yaml");
        error.Line.ShouldBe(text.Split('\n').ToList().FindIndex(l => l.Contains("effect: review", StringComparison.Ordinal)) + 1);
        error.Message.ShouldBe("key 'effect' given twice in one mapping; give each key once");
    }

    [Fact]
    public void A_top_level_key_given_twice_in_a_pack_is_rejected() =>
        Errors(("dup.yaml", Pack() + "\npublished: 2019-01-01\n")).ShouldHaveSingleItem().Message.ShouldBe("key 'published' given twice in one mapping; give each key once");
}
