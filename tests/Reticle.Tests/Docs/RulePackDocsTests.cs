using System.Text.RegularExpressions;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Tests.Docs;

/// <summary>The examples in docs/rule-packs.md are fixtures: the page cannot drift from the code.</summary>
public sealed partial class RulePackDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repository.Docs, "rule-packs.md"));

    [GeneratedRegex(@"```yaml (fixture|fixture-error)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    private static IEnumerable<(string Kind, string Text)> Blocks() =>
        Fence().Matches(Page).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private static List<RulePackSource> ValidExamples() =>
        Blocks().Where(b => b.Kind == "fixture").Select((b, i) => new RulePackSource($"rule-packs.md#example-{i + 1}", b.Text)).ToList();

    [Fact]
    public void The_page_has_examples_of_both_kinds()
    {
        Blocks().Count(b => b.Kind == "fixture").ShouldBeGreaterThanOrEqualTo(3);
        Blocks().Count(b => b.Kind == "fixture-error").ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void The_valid_examples_compile_together()
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(ValidExamples(), errors);
        RuleSetCompiler.Compile(packs, errors).ShouldNotBeNull(string.Join("\n", errors));
    }

    public static TheoryData<string> ErrorExamples() => new(Blocks().Where(b => b.Kind == "fixture-error").Select(b => b.Text));

    [Theory]
    [MemberData(nameof(ErrorExamples))]
    public void Each_error_example_fails_with_the_message_it_shows(string text)
    {
        var expected = text.Split('\n')[0].Replace("# expect: ", "", StringComparison.Ordinal).Trim();
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([.. ValidExamples(), new RulePackSource("rule-packs.md#error", text)], errors);
        if (errors.Count == 0)
        {
            RuleSetCompiler.Compile(packs, errors);
        }
        errors.ShouldContain(e => e.Message.Contains(expected, StringComparison.Ordinal), string.Join("\n", errors));
    }
}
