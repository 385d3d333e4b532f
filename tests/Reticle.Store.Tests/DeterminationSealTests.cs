using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store.Tests;

public sealed class DeterminationSealTests
{
    private static readonly DeterminationRecord Decided = new("T-é \"1\"", new LocalDate(2023, 9, 15), new LocalDate(2023, 9, 1), "license_required",
        "sha256:abc", """{ "id": "T-é \"1\"", "date": "2023-09-15" }""", """{"outcome":"license_required","n":1.50}""");

    private static string Sha256(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static AuditRecord Sealing(string payload) => AuditChain.AppendEncoded(null, Instant.FromUtc(2026, 1, 1, 0, 0), "api:test", "determination", payload);

    [Fact]
    public void The_seal_is_the_canonical_encoding_of_the_decision_and_the_digests_of_its_exact_texts() =>
        DeterminationSeal.Encode(Decided).ShouldBe(CanonicalJson.Encode(new JsonObject
        {
            ["transaction"] = Decided.TransactionId,
            ["asOf"] = "2023-09-15",
            ["knownAt"] = "2023-09-01",
            ["outcome"] = "license_required",
            ["ruleSet"] = "sha256:abc",
            ["inputSha256"] = Sha256(Decided.InputJson),
            ["resultSha256"] = Sha256(Decided.ResultJson),
        }));

    [Fact]
    public void A_determination_matches_its_own_seal_and_no_other()
    {
        var seal = Sealing(DeterminationSeal.Encode(Decided));

        DeterminationSeal.Problem(seal, Decided).ShouldBeNull();
        DeterminationSeal.Problem(seal, Decided with { KnownAt = null }).ShouldBe("its knownAt (none) is not the sealed '2023-09-01'");
        DeterminationSeal.Problem(seal, Decided with { ResultJson = """{"outcome":"license_required","n":1.5}""" }).ShouldBe("its result is not the text sealed");
        DeterminationSeal.Problem(seal, Decided with { InputJson = "not json" }).ShouldBe("its input is not the text sealed");
    }

    [Theory]
    [InlineData("""{"outcome":""", "ResultJson")]
    [InlineData("""{"a":1} {"b":2}""", "ResultJson")]
    [InlineData("", "ResultJson")]
    public void A_result_that_is_not_one_json_value_is_refused_naming_the_field_and_transaction(string result, string field) =>
        Should.Throw<ArgumentException>(() => DeterminationSeal.Encode(Decided with { ResultJson = result })).Message.ShouldSatisfyAllConditions(
            m => m.ShouldContain(field),
            m => m.ShouldContain("'T-é \"1\"'"));
}
