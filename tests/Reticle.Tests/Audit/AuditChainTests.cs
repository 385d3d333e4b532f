using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditRecord> Chain(int length)
    {
        var records = new List<AuditRecord>();
        for (var i = 0; i < length; i++)
        {
            var entry = new AuditEntry(Instant.FromUtc(2026, 1, 1, 0, 0).PlusTicks(i * 12_345_678L), "alice", "determination",
                new JsonObject { ["n"] = i, ["b"] = "x", ["a"] = new JsonArray(1, 2) });
            records.Add(AuditChain.Append(records.LastOrDefault(), entry));
        }
        return records;
    }

    private static (long, string) Head(List<AuditRecord> records) => (records[^1].Sequence, records[^1].Hash);

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var records = Chain(20);
        AuditChain.Verify(records, Head(records)).ShouldBe(AuditVerification.Intact(20));
    }

    [Fact]
    public void A_record_hash_is_sha256_of_the_canonical_encoding_of_its_fields_and_the_previous_hash()
    {
        // The definition the chains already stored rely on: any faster way of computing it must give the same bytes.
        var at = Instant.FromUtc(2026, 11, 25, 12, 30, 15).PlusTicks(1_234_560);
        const string payload = "{\"because\":\"DCO 1.1 nm <= 1.5 nm; \u00e9t\u00e9 \\ \\\"quoted\\\"\",\"n\":1}";
        var canonical = CanonicalJson.Encode(new JsonObject
        {
            ["sequence"] = 42L,
            ["at"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(at),
            ["actor"] = "api:ana",
            ["kind"] = "determination",
            ["payload"] = payload,
            ["previousHash"] = AuditChain.Genesis,
        });
        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        AuditChain.HashOf(42, at, "api:ana", "determination", payload, AuditChain.Genesis).ShouldBe(expected);
    }

    [Fact]
    public void Payloads_are_stored_canonically_with_sorted_keys() =>
        Chain(1)[0].Payload.ShouldBe("""{"a":[1,2],"b":"x","n":0}""");

    [Fact]
    public void An_edited_record_is_named()
    {
        var records = Chain(10);
        records[6] = records[6] with { Payload = records[6].Payload.Replace("\"x\"", "\"y\"", StringComparison.Ordinal) };
        var result = AuditChain.Verify(records, Head(records));
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(7);
        result.Problem.ShouldNotBeNull().ShouldContain("does not match its hash");
    }

    [Fact]
    public void A_deleted_record_is_named()
    {
        var records = Chain(10);
        records.RemoveAt(3);
        var result = AuditChain.Verify(records, Head(records));
        result.FirstBadSequence.ShouldBe(4);
        result.Problem.ShouldNotBeNull().ShouldContain("expected record 4 but found record 5");
    }

    [Fact]
    public void Deleting_the_newest_records_is_caught_by_the_head()
    {
        var records = Chain(10);
        var head = Head(records);
        records.RemoveRange(8, 2);
        var result = AuditChain.Verify(records, head);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(9);
    }

    [Fact]
    public void Reordered_records_are_named()
    {
        var records = Chain(10);
        (records[4], records[5]) = (records[5], records[4]);
        var result = AuditChain.Verify(records, Head(records));
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
    }

    [Fact]
    public void Renumbered_records_after_a_deletion_are_caught_by_the_hashes()
    {
        var records = Chain(10);
        records.RemoveAt(3);
        for (var i = 3; i < records.Count; i++)
        {
            records[i] = records[i] with { Sequence = i + 1 };
        }
        var result = AuditChain.Verify(records, (9, records[^1].Hash));
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(4);
    }
}
