using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using NodaTime.Text;
using Reticle.Audit;

namespace Reticle.Store;

/// <summary>
/// The records that decisions rest on — licence events, orders, holds and API keys — checked against the audit
/// records that sealed them: every row must match what its record says, every record must still have its row, and
/// every state change a row shows (shipped, released, lapsed, revoked) must be one the chain recorded.
/// </summary>
/// <remarks>
/// Licence events and orders are copied whole into their records, so they are compared whole (canonical JSON).
/// Holds and keys are compared field by field. A key's hash is sealed by <see cref="ApiKeySeal"/>; records written
/// before keys were sealed carry no seal, and the key's hash is then not checked (the name and role still are).
/// </remarks>
public abstract partial class SqlStore
{
    private async Task<(long Verified, (long Sequence, string Problem)? First)> VerifySealedRowsAsync(
        DbConnection connection, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var check = new SealCheck(records);
        await CheckLicenseEventsAsync(connection, check, cancellationToken);
        await CheckOrdersAsync(connection, check, cancellationToken);
        await CheckHoldsAsync(connection, check, cancellationToken);
        await CheckApiKeysAsync(connection, check, cancellationToken);
        check.EveryRecordHasItsRow();
        return (check.Verified, check.First);
    }

    private async Task CheckLicenseEventsAsync(DbConnection connection, SealCheck check, CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<SealedLicenseEventRow>(
            """
            SELECT id AS Id, license_id AS LicenseId, type AS Type, effective AS Effective, announced AS Announced,
                   payload_json AS PayloadJson, audit_sequence AS AuditSequence, recorded_at AS RecordedAt
            FROM license_events ORDER BY id
            """);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var what = $"licence event {row.Id} of '{row.LicenseId}'";
            if (check.Sealing(row.AuditSequence, AuditPayloads.LicenseEvent, what) is not { } record)
            {
                continue;
            }
            var sealedPayload = check.Payload(record);
            var problem =
                !SameJson(row.PayloadJson, record.Payload) ? "its payload differs from the sealed one"
                : Text(sealedPayload, "license") != row.LicenseId ? "its licence id differs from the sealed one"
                : Text(sealedPayload, "type") != row.Type ? "its type differs from the sealed one"
                : Text(sealedPayload, "effective") != FormatDate(row.Effective) ? "its effective date differs from the sealed one"
                : Text(sealedPayload, "announced") != FormatDate(row.Announced) ? "its announcement date differs from the sealed one"
                : ToInstant(row.RecordedAt) != record.At ? "its recording time differs from the sealed one"
                : null;
            check.Row(record.Sequence, what, problem);
        }
    }

    private async Task CheckOrdersAsync(DbConnection connection, SealCheck check, CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<SealedOrderRow>(
            """
            SELECT order_id AS Id, planned_date AS PlannedDate, status AS Status, input_json AS InputJson,
                   audit_sequence AS AuditSequence, added_at AS AddedAt, status_audit_sequence AS StatusAuditSequence
            FROM orders ORDER BY id
            """);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var what = $"order '{row.Id}'";
            if (check.Sealing(row.AuditSequence, AuditPayloads.OrderAdded, what) is not { } record)
            {
                continue;
            }
            var sealedPayload = check.Payload(record);
            var problem =
                Text(sealedPayload, "order") != row.Id ? "its id differs from the sealed one"
                : Text(sealedPayload, "plannedDate") != FormatDate(row.PlannedDate) ? "its planned date differs from the sealed one"
                : !SameJson(row.InputJson, sealedPayload?["input"]) ? "its transaction differs from the sealed one"
                : ToInstant(row.AddedAt) != record.At ? "its recording time differs from the sealed one"
                : null;
            if (problem is null)
            {
                problem = row.Status switch
                {
                    "open" when row.StatusAuditSequence is not null => "it is open but points at a status record",
                    "open" => null,
                    "shipped" when row.StatusAuditSequence is not { } shipped => "it is shipped, but no record shipped it",
                    "shipped" => check.Sealing(row.StatusAuditSequence.Value, AuditPayloads.OrderShipped, what) is { } shipping
                        && Text(check.Payload(shipping), "order") == row.Id ? null : "its shipment record is missing or names another order",
                    _ => $"its status '{row.Status}' was never recorded",
                };
            }
            check.Row(record.Sequence, what, problem);
        }
    }

    private async Task CheckHoldsAsync(DbConnection connection, SealCheck check, CancellationToken cancellationToken)
    {
        // Which holds the chain says have lapsed, and which release records each hold has.
        var lapsedBy = new Dictionary<long, long>();
        // Records written before lapses were sealed carry no "lapsed" field: a lapse on such an order cannot be checked.
        var unsealedLapses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in check.OfKind(AuditPayloads.HoldPlaced, AuditPayloads.HoldLapsed))
        {
            var payload = check.Payload(record);
            if (payload?["lapsed"] is not JsonArray lapsed)
            {
                unsealedLapses.Add(Text(payload, "order") ?? "");
            }
            else
            {
                foreach (var id in lapsed)
                {
                    lapsedBy[id!.GetValue<long>()] = record.Sequence;
                }
            }
        }
        var rows = connection.QueryUnbufferedAsync<HoldRow>($"{SelectHold} ORDER BY id");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var what = $"hold {row.Id} of order '{row.OrderId}'";
            if (check.Sealing(row.AuditSequence, AuditPayloads.HoldPlaced, what) is not { } placed)
            {
                continue;
            }
            var placing = check.Payload(placed);
            var problem =
                Text(placing, "order") != row.OrderId || Text(placing, "outcome") != row.Outcome || Text(placing, "reason") != row.Reason
                    ? "its order, outcome or reason differs from the sealed one"
                : placed.Actor != row.RequestedBy ? "its requester differs from the actor of the record that placed it"
                : ToInstant(row.PlacedAt) != placed.At ? "its placing time differs from the sealed one"
                : null;
            if (problem is null && row.Status is "released" or "lapsed")
            {
                problem = row.ReleaseAuditSequence is not { } releaseSequence
                        || check.Sealing(releaseSequence, AuditPayloads.HoldReleased, what) is not { } released
                    ? $"it is {row.Status}, but no record released it"
                    : ReleaseProblem(row, released, check.Payload(released));
            }
            problem ??= row.Status switch
            {
                "held" when row.ReleaseAuditSequence is not null || row.ReleasedBy is not null => "it is held but carries a release",
                "held" or "released" when lapsedBy.ContainsKey(row.Id) => $"it is {row.Status}, but record {lapsedBy[row.Id]} recorded its release lapsing",
                "lapsed" when !lapsedBy.ContainsKey(row.Id) && !unsealedLapses.Contains(row.OrderId) => "it is lapsed, but no record lapsed it",
                "held" or "released" or "lapsed" => null,
                _ => $"its status '{row.Status}' was never recorded",
            };
            check.Row(placed.Sequence, what, problem);
        }
    }

    private string? ReleaseProblem(HoldRow row, AuditRecord released, JsonNode? payload) =>
        payload?["hold"]?.GetValue<long>() != row.Id ? "its release record names another hold"
        : released.Actor != row.ReleasedBy ? "its releaser differs from the actor of the release record"
        : Text(payload, "reasonCode") != row.ReasonCode || Text(payload, "text") != row.ReleaseText || Text(payload, "fingerprint") != row.Fingerprint
            ? "its release reason or fingerprint differs from the sealed one"
        : row.ReleasedAt is not { } at || ToInstant(at) != released.At ? "its release time differs from the sealed one"
        : null;

    private async Task CheckApiKeysAsync(DbConnection connection, SealCheck check, CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<ApiKeyRow>($"{SelectApiKey} ORDER BY id");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var what = $"API key '{row.Name}'";
            if (check.Sealing(row.AuditSequence, AuditPayloads.ApiKeyCreated, what) is not { } created)
            {
                continue;
            }
            var payload = check.Payload(created);
            var problem =
                Text(payload, "name") != row.Name || Text(payload, "role") != row.Role ? "its name or role differs from the sealed one"
                : Text(payload, "keySeal") is { } seal && seal != ApiKeySeal.Of(row.Sha256) ? "its key hash differs from the sealed one (a key swapped in?)"
                : ToInstant(row.CreatedAt) != created.At ? "its creation time differs from the sealed one"
                : (row.RevokedAt, row.RevokeAuditSequence) switch
                {
                    (null, null) => null,
                    (not null, { } revokeSequence) => check.Sealing(revokeSequence, AuditPayloads.ApiKeyRevoked, what) is { } revoked
                        && Text(check.Payload(revoked), "name") == row.Name && ToInstant(row.RevokedAt) == revoked.At
                            ? null : "its revocation differs from the sealed one",
                    _ => "its revocation is half recorded",
                };
            check.Row(created.Sequence, what, problem);
        }
    }

    private string FormatDate(object column) => LocalDatePattern.Iso.Format(ToDate(column));

    private static string? Text(JsonNode? node, string key) => node?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool SameJson(string rowJson, string canonicalPayload)
    {
        try
        {
            return CanonicalJson.EncodeText(rowJson) == canonicalPayload;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool SameJson(string rowJson, JsonNode? sealedNode) =>
        sealedNode is not null && SameJson(rowJson, CanonicalJson.Encode(sealedNode));

    /// <summary>Tracks which sealing records have been matched by a row, and the earliest problem found.</summary>
    private sealed class SealCheck(IReadOnlyList<AuditRecord> records)
    {
        private static readonly string[] RowKinds =
        [
            AuditPayloads.LicenseEvent, AuditPayloads.OrderAdded, AuditPayloads.OrderShipped, AuditPayloads.HoldPlaced,
            AuditPayloads.HoldReleased, AuditPayloads.ApiKeyCreated, AuditPayloads.ApiKeyRevoked,
        ];

        private readonly Dictionary<long, AuditRecord> _bySequence = records.ToDictionary(r => r.Sequence);
        private readonly HashSet<long> _unmatched = [.. records.Where(r => RowKinds.Contains(r.Kind)).Select(r => r.Sequence)];
        private readonly Dictionary<long, JsonNode?> _payloads = [];

        public long Verified { get; private set; }

        public (long Sequence, string Problem)? First { get; private set; }

        public IEnumerable<AuditRecord> OfKind(params string[] kinds) => records.Where(r => kinds.Contains(r.Kind));

        public JsonNode? Payload(AuditRecord record)
        {
            if (!_payloads.TryGetValue(record.Sequence, out var payload))
            {
                payload = JsonNode.Parse(record.Payload);
                _payloads[record.Sequence] = payload;
            }
            return payload;
        }

        /// <summary>The record of kind <paramref name="kind"/> at <paramref name="sequence"/>, matched to a row; else a problem.</summary>
        public AuditRecord? Sealing(long sequence, string kind, string what)
        {
            if (_bySequence.TryGetValue(sequence, out var record) && record.Kind == kind)
            {
                _unmatched.Remove(sequence);
                return record;
            }
            Problem(sequence, $"{what} is stored under record {sequence}, which is not a {kind} record: moved or forged?");
            return null;
        }

        public void Row(long sequence, string what, string? problem)
        {
            if (problem is null)
            {
                Verified++;
            }
            else
            {
                Problem(sequence, $"{what} no longer matches record {sequence} that sealed it ({problem}): edited?");
            }
        }

        public void EveryRecordHasItsRow()
        {
            if (_unmatched.Count > 0)
            {
                var missing = _unmatched.Min();
                var record = _bySequence[missing];
                var subject = Payload(record) is JsonObject payload
                    ? new[] { "order", "license", "hold", "name" }.Where(payload.ContainsKey).Select(k => $" of {k} '{payload[k]}'").FirstOrDefault() ?? ""
                    : "";
                Problem(missing, $"record {missing} ({record.Kind}{subject}) sealed a row that is no longer stored, or no longer points at it: deleted?");
            }
        }

        private void Problem(long sequence, string problem)
        {
            if (First is null || sequence < First.Value.Sequence)
            {
                First = (sequence, problem);
            }
        }
    }

    private sealed class SealedLicenseEventRow
    {
        public long Id { get; set; }
        public string LicenseId { get; set; } = "";
        public string Type { get; set; } = "";
        public object Effective { get; set; } = null!;
        public object Announced { get; set; } = null!;
        public string PayloadJson { get; set; } = "";
        public long AuditSequence { get; set; }
        public object RecordedAt { get; set; } = null!;
    }

    private sealed class SealedOrderRow
    {
        public string Id { get; set; } = "";
        public object PlannedDate { get; set; } = null!;
        public string Status { get; set; } = "";
        public string InputJson { get; set; } = "";
        public long AuditSequence { get; set; }
        public object AddedAt { get; set; } = null!;
        public long? StatusAuditSequence { get; set; }
    }
}
