using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Reticle.Audit;

/// <summary>
/// The tamper-evident audit chain: each record's hash is SHA-256 over the canonical encoding of its
/// fields and the previous record's hash, so editing, deleting or reordering any record breaks every
/// hash after it, and <see cref="Verify"/> names the first bad one.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Places an entry after <paramref name="previous"/> (or first, if null).</summary>
    public static AuditRecord Append(AuditRecord? previous, AuditEntry entry)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        // Microsecond precision: what PostgreSQL keeps, so a record reads back exactly as it was hashed.
        var at = Instant.FromUnixTimeTicks(entry.At.ToUnixTimeTicks() / 10 * 10);
        var payload = CanonicalJson.Encode(entry.Payload);
        return new AuditRecord(sequence, at, entry.Actor, entry.Kind, payload, previousHash,
            HashOf(sequence, at, entry.Actor, entry.Kind, payload, previousHash));
    }

    public static string HashOf(long sequence, Instant at, string actor, string kind, string payload, string previousHash)
    {
        var canonical = CanonicalJson.Encode(new JsonObject
        {
            ["sequence"] = sequence,
            ["at"] = InstantPattern.ExtendedIso.Format(at),
            ["actor"] = actor,
            ["kind"] = kind,
            ["payload"] = payload,
            ["previousHash"] = previousHash,
        });
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks the whole chain in sequence order. <paramref name="head"/> is the last sequence and hash
    /// the store recorded separately, so that deleting the newest records is caught too.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, (long Sequence, string Hash)? head)
    {
        var expectedSequence = 1L;
        var previousHash = Genesis;
        var count = 0L;
        foreach (var record in records)
        {
            if (record.Sequence != expectedSequence)
            {
                return AuditVerification.Broken(count, expectedSequence,
                    $"expected record {expectedSequence} but found record {record.Sequence}: deleted or reordered?");
            }
            if (record.PreviousHash != previousHash)
            {
                return AuditVerification.Broken(count, record.Sequence, $"record {record.Sequence} does not follow record {record.Sequence - 1} (previous-hash mismatch): reordered or replaced?");
            }
            var hash = HashOf(record.Sequence, record.At, record.Actor, record.Kind, record.Payload, record.PreviousHash);
            if (hash != record.Hash)
            {
                return AuditVerification.Broken(count, record.Sequence, $"record {record.Sequence} ({record.Kind}) does not match its hash: edited?");
            }
            previousHash = record.Hash;
            expectedSequence++;
            count++;
        }
        if (head is { } h && (h.Sequence != count || (count > 0 && h.Hash != previousHash)))
        {
            return AuditVerification.Broken(count, Math.Min(h.Sequence, count + 1),
                h.Sequence > count
                    ? $"the chain ends at record {count} but the recorded head is record {h.Sequence}: records {count + 1}..{h.Sequence} were deleted?"
                    : $"the recorded head (record {h.Sequence}) does not match the last record {count}");
        }
        return AuditVerification.Intact(count);
    }
}

/// <summary>The result of verifying the audit chain.</summary>
public sealed record AuditVerification(bool IsIntact, long RecordsVerified, long? FirstBadSequence, string? Problem)
{
    public static AuditVerification Intact(long count) => new(true, count, null, null);

    public static AuditVerification Broken(long verified, long sequence, string problem) => new(false, verified, sequence, problem);
}
