using System.Text.Json;
using Reticle.Determination;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Import;

namespace Reticle.Tests.Content;

/// <summary>
/// The golden samples shipped in content/samples/golden, each decided on the dates its expected file
/// lists (research brief §8.3), with parties screened against the bundled Entity List.
/// </summary>
public sealed class GoldenSampleTests
{
    private static readonly string Folder = Path.Combine(Repository.Content, "samples", "golden");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var expectedFile in Directory.EnumerateFiles(Path.Combine(Folder, "expected"), "*.json").Order(StringComparer.Ordinal))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(expectedFile));
            foreach (var date in expected.RootElement.GetProperty("dates").EnumerateObject())
            {
                data.Add(Path.GetFileNameWithoutExtension(expectedFile), date.Name);
            }
        }
        return data;
    }

    [Fact]
    public void Every_golden_sample_has_its_expected_outcomes() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName)
            .ShouldBe(Directory.EnumerateFiles(Path.Combine(Folder, "expected"), "*.json").Select(Path.GetFileName), ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_sample_gets_the_expected_outcome_on_the_date(string name, string date)
    {
        var errors = new List<InputError>();
        var transaction = BundledRules.Catalog.Complete(
            TransactionReader.Read(name, File.ReadAllText(Path.Combine(Folder, name + ".json")), errors).Transactions.Single());
        errors.ShouldBeEmpty();
        var d = DeterminationEngine.DetermineScreened(BundledRules.Rules, transaction, Transactions.Date(date), BundledScreening.Parties.Screen(transaction));

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected", name + ".json")));
        foreach (var (key, value) in expected.RootElement.GetProperty("dates").GetProperty(date).EnumerateObject().Select(p => (p.Name, p.Value.GetString())))
        {
            var actual = key == "outcome" ? d.Outcome : d.Jurisdictions.Single(j => j.Jurisdiction == key).Outcome;
            actual.ToWire().ShouldBe(value, $"{name} on {date}: {key}");
        }
    }
}
