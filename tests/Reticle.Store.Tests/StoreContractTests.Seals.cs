using System.Text.Json.Nodes;
using Reticle.Audit;

namespace Reticle.Store.Tests;

// A stored determination is sealed by its audit record (the digests of its texts): editing, moving or deleting the
// row behind the store's back breaks the seal, and verification names the record.
public abstract partial class StoreContractTests
{
    [Theory]
    [InlineData("result_json = '{\"outcome\": \"no-licence-required\", \"citations\": []}'", "result")]
    [InlineData("result_json = '{\"outcome\":\"licence-required\",\"citations\":[\"15 CFR 742.15\"]}'", "result")] // same JSON, other text
    [InlineData("input_json = '{ \"item\": \"EAR99\",  \"destination\": \"CN\", \"quantity\": 1.50 }'", "input")]
    [InlineData("outcome = 'no-licence-required'", "outcome")]
    [InlineData("as_of = '2026-07-24'", "asOf")]
    [InlineData("transaction_id = 'tx-other'", "transaction")]
    [InlineData("rule_set = 'sha256:older-rules'", "ruleSet")]
    public async Task An_edited_determination_no_longer_matches_its_seal(string edit, string what)
    {
        await Store.RecordDeterminationsAsync([Determination("tx-1"), Determination("tx-2"), Determination("tx-3")], "analyst", T0);

        await ExecuteRawAsync($"UPDATE determinations SET {edit} WHERE audit_sequence = 2");

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(2);
        verification.Problem.ShouldNotBeNull().ShouldSatisfyAllConditions(
            p => p.ShouldContain("sealed by record 2"),
            p => p.ShouldContain(what),
            p => p.ShouldContain("edited?"));
    }

    [Fact]
    public async Task A_deleted_determination_is_named_by_the_record_that_sealed_it()
    {
        await Store.RecordDeterminationsAsync([Determination("tx-1"), Determination("tx-2"), Determination("tx-3")], "analyst", T0);

        await ExecuteRawAsync("DELETE FROM determinations WHERE audit_sequence IN (2, 3)");

        var verification = await VerifyAsync();
        verification.ShouldSatisfyAllConditions(
            v => v.IsIntact.ShouldBeFalse(),
            v => v.FirstBadSequence.ShouldBe(2),
            v => v.Problem.ShouldNotBeNull().ShouldContain("record 2 sealed a determination that is no longer stored"));
    }

    [Fact]
    public async Task A_determination_moved_under_a_record_that_sealed_no_determination_is_named()
    {
        await Store.AppendAuditAsync(Entry(1));
        await Store.RecordDeterminationsAsync([Determination("tx-1")], "analyst", T0);

        await ExecuteRawAsync("UPDATE determinations SET audit_sequence = 1 WHERE audit_sequence = 2");

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(1);
        verification.Problem.ShouldNotBeNull().ShouldContain("record 1, which seals no determination");
    }

    [Fact]
    public async Task The_earliest_broken_seal_is_named()
    {
        await Store.RecordDeterminationsAsync([Determination("tx-1"), Determination("tx-2"), Determination("tx-3"), Determination("tx-4")], "analyst", T0);

        await ExecuteRawAsync("DELETE FROM determinations WHERE audit_sequence = 4");
        await ExecuteRawAsync("UPDATE determinations SET outcome = 'no-licence-required' WHERE audit_sequence = 3");

        (await VerifyAsync()).FirstBadSequence.ShouldBe(3);
    }

    [Fact]
    public async Task A_determination_recorded_before_sealing_is_checked_against_the_copy_in_its_record()
    {
        // Records written before seals (schema 6 and earlier) hold the input and result themselves.
        var old = Determination("tx-old");
        var record = await Store.AppendAuditAsync(new AuditEntry(T0, "analyst", "determination", new JsonObject
        {
            ["transaction"] = old.TransactionId,
            ["asOf"] = "2026-07-23",
            ["knownAt"] = null,
            ["outcome"] = old.Outcome,
            ["ruleSet"] = old.RuleSet,
            ["input"] = JsonNode.Parse(old.InputJson),
            ["result"] = JsonNode.Parse(old.ResultJson),
        }));
        await ExecuteRawAsync(
            $"""
            INSERT INTO determinations (transaction_id, as_of, known_at, outcome, rule_set, input_json, result_json, audit_sequence, recorded_at)
            VALUES ('tx-old', '2026-07-23', NULL, '{old.Outcome}', '{old.RuleSet}', '{old.InputJson}', '{old.ResultJson}', {record.Sequence}, '2026-07-23T00:00:00.000000Z')
            """);
        await Store.RecordDeterminationsAsync([Determination("tx-new")], "analyst", T0);

        (await VerifyAsync()).ShouldBe(AuditVerification.Intact(2, determinations: 2));

        await ExecuteRawAsync("UPDATE determinations SET result_json = '{\"outcome\": \"no-licence-required\"}' WHERE transaction_id = 'tx-old'");
        var verification = await VerifyAsync();
        verification.FirstBadSequence.ShouldBe(record.Sequence);
        verification.Problem.ShouldNotBeNull().ShouldContain("its result is not the one recorded");
    }
}
