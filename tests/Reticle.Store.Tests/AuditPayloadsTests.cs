using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store.Tests;

public sealed class AuditPayloadsTests
{
    private static readonly string Input = File.ReadAllText(Path.Combine(RepositoryRoot(), "content", "samples", "nxt2050i-to-smic-beijing-2023-09-15.json"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reticle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("no Reticle.slnx above " + AppContext.BaseDirectory);
    }

    // The payload's definition, as chains already stored were hashed: the record's fields as one JSON object.
    private static string AsNodes(DeterminationRecord d) => CanonicalJson.Encode(new JsonObject
    {
        ["transaction"] = d.TransactionId,
        ["asOf"] = d.AsOf.ToString("uuuu-MM-dd", null),
        ["knownAt"] = d.KnownAt?.ToString("uuuu-MM-dd", null),
        ["outcome"] = d.Outcome,
        ["ruleSet"] = d.RuleSet,
        ["input"] = JsonNode.Parse(d.InputJson),
        ["result"] = JsonNode.Parse(d.ResultJson),
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_determination_payload_is_the_canonical_encoding_of_its_fields(bool knownAt)
    {
        var record = new DeterminationRecord("T-é \"1\"", new LocalDate(2023, 9, 15), knownAt ? new LocalDate(2023, 9, 1) : null, "license_required",
            "sha256:abc", Input, """{"outcome":"license_required","jurisdictions":[{"z":1,"a":"\u00e9 <b>"}],"n":1.50}""");

        AuditPayloads.EncodeDetermination(record).ShouldBe(AsNodes(record));
    }

    [Fact]
    public void A_result_that_is_not_json_is_refused_naming_the_field_and_transaction()
    {
        var record = new DeterminationRecord("T-2", new LocalDate(2023, 9, 15), null, "allowed", "sha256:abc", Input, """{"outcome":""");

        Should.Throw<ArgumentException>(() => AuditPayloads.EncodeDetermination(record)).Message.ShouldSatisfyAllConditions(
            m => m.ShouldContain("ResultJson"),
            m => m.ShouldContain("'T-2'"));
    }
}
