using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
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
    public static AuditRecord Append(AuditRecord? previous, AuditEntry entry) =>
        AppendEncoded(previous, entry.At, entry.Actor, entry.Kind, CanonicalJson.Encode(entry.Payload));

    /// <summary>
    /// Places an entry whose payload is already encoded by <see cref="CanonicalJson.Encode"/> (encoding can be
    /// done ahead, on another thread; only this step depends on the record before).
    /// </summary>
    public static AuditRecord AppendEncoded(AuditRecord? previous, Instant at, string actor, string kind, string canonicalPayload)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        // Microsecond precision: what PostgreSQL keeps, so a record reads back exactly as it was hashed.
        var stamped = Instant.FromUnixTimeTicks(at.ToUnixTimeTicks() / 10 * 10);
        return new AuditRecord(sequence, stamped, actor, kind, canonicalPayload, previousHash,
            HashOf(sequence, stamped, actor, kind, canonicalPayload, previousHash));
    }

    public static string HashOf(long sequence, Instant at, string actor, string kind, string payload, string previousHash)
    {
        // The canonical encoding of {actor, at, kind, payload, previousHash, sequence} (keys in ordinal order, as
        // CanonicalJson writes any object), written straight into one reused buffer and hashed there: the payload
        // is the whole decision, and building the object and its string first tripled the work of every append.
        var buffer = HashBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("actor", actor);
            writer.WriteString("at", InstantPattern.ExtendedIso.Format(at));
            writer.WriteString("kind", kind);
            writer.WriteString("payload", payload);
            writer.WriteString("previousHash", previousHash);
            writer.WriteNumber("sequence", sequence);
            writer.WriteEndObject();
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    // Per thread: appends and verification run on many threads at once (one per request or import).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? HashBuffer;

    /// <summary>
    /// Checks the whole chain in sequence order. <paramref name="head"/> is the last sequence and hash
    /// the store recorded separately, so that deleting the newest records is caught too.
    /// </summary>
    /// <remarks>
    /// Each of <paramref name="anchors"/> (heads kept outside the store) must still be in the chain with its hash:
    /// that catches the newest records deleted with the head moved back, which the head alone cannot.
    /// </remarks>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records, (long Sequence, string Hash)? head, IReadOnlyList<AuditAnchor>? anchors = null)
    {
        var anchored = (anchors ?? []).ToLookup(a => a.Sequence);
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
            if (anchored[record.Sequence].FirstOrDefault(a => a.Hash != record.Hash) is { } moved)
            {
                return AuditVerification.Broken(count, record.Sequence,
                    $"record {record.Sequence} is not the record anchored at {InstantText(moved.At)} ({moved.Hash}): the chain was rewritten from there");
            }
            previousHash = record.Hash;
            expectedSequence++;
            count++;
        }
        if ((anchors ?? []).Where(a => a.Sequence > count).MinBy(a => a.Sequence) is { } lost)
        {
            return AuditVerification.Broken(count, count + 1,
                $"the chain ends at record {count} but an anchor taken at {InstantText(lost.At)} names record {lost.Sequence}: records {count + 1}..{lost.Sequence} were deleted");
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

    private static string InstantText(Instant at) => NodaTime.Text.InstantPattern.General.Format(at);
}
