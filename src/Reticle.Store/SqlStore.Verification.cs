using Dapper;
using Reticle.Audit;

namespace Reticle.Store;

public abstract partial class SqlStore
{
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) => VerifyAuditAsync([], cancellationToken);

    public async Task<AuditVerification> VerifyAuditAsync(IReadOnlyList<AuditAnchor> anchors, CancellationToken cancellationToken = default)
    {
        var head = await ReadAuditHeadAsync(cancellationToken);
        var records = new List<AuditRecord>();
        await foreach (var record in ReadAuditAsync(cancellationToken))
        {
            records.Add(record);
        }
        var chain = AuditChain.Verify(records, head, anchors);
        if (!chain.IsIntact)
        {
            return chain;
        }

        // The chain is intact; now every determination stored must match the record that sealed it, and every
        // record that sealed one must still have it. The earliest record with a problem is named.
        var unmatched = records.Where(r => r.Kind == AuditPayloads.Determination).ToDictionary(r => r.Sequence);
        (long Sequence, string Problem)? first = null;
        var verified = 0L;
        var rowsVerified = 0L;
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        {
            (rowsVerified, first) = await VerifySealedRowsAsync(connection, records, cancellationToken);
            var rows = connection.QueryUnbufferedAsync<DeterminationRow>($"{SelectDetermination} ORDER BY audit_sequence");
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var stored = ToRecord(row);
                var sequence = row.AuditSequence;
                var problem = !unmatched.Remove(sequence, out var sealing)
                    ? $"a determination of '{stored.TransactionId}' is stored under record {sequence}, which seals no determination: moved or forged?"
                    : DeterminationSeal.Problem(sealing, stored) is { } differs
                        ? $"the determination of '{stored.TransactionId}' sealed by record {sequence} no longer matches it ({differs}): edited?"
                        : null;
                if (problem is null)
                {
                    verified++;
                }
                else if (first is null || sequence < first.Value.Sequence)
                {
                    first = (sequence, problem);
                }
            }
        }
        if (unmatched.Count > 0 && unmatched.Keys.Min() is var missing && (first is null || missing < first.Value.Sequence))
        {
            first = (missing, $"record {missing} sealed a determination that is no longer stored: deleted?");
        }
        return first is { } bad
            ? AuditVerification.Broken(bad.Sequence - 1, bad.Sequence, bad.Problem) with { DeterminationsVerified = verified, SealedRowsVerified = rowsVerified }
            : AuditVerification.Intact(chain.RecordsVerified, verified) with { SealedRowsVerified = rowsVerified };
    }
}
