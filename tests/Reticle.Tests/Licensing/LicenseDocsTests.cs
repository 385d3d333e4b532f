using System.Text.RegularExpressions;
using Reticle.Input;
using Reticle.Licensing;

namespace Reticle.Tests.Licensing;

/// <summary>The licence examples in docs/licenses.md are fixtures: each must be read without error.</summary>
public sealed partial class LicenseDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repository.Docs, "licenses.md"));

    [GeneratedRegex(@"```json fixture\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [Fact]
    public void The_examples_on_the_page_are_valid_licences()
    {
        var blocks = Fence().Matches(Page).Select(m => m.Groups[1].Value).ToList();
        blocks.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var (block, i) in blocks.Select((b, i) => (b, i)))
        {
            var errors = new List<InputError>();
            LicenseReader.Read($"licenses.md#example-{i + 1}", block, errors).ShouldHaveSingleItem();
            errors.ShouldBeEmpty();
        }
    }

    [Fact]
    public void The_page_example_is_the_licence_the_tests_use() =>
        LicenseJson.ToJson(LicenseReader.Read("page", Fence().Match(Page).Groups[1].Value, [])[0]).ToJsonString()
            .ShouldBe(LicenseJson.ToJson(Licenses.Nl).ToJsonString());
}
