using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Audit;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Time;
using Reticle.WhatIf;

namespace Reticle.Service;

/// <summary>
/// A what-if run under way (CONTRACT §9): its changes come out as they are found, and once the last has been taken
/// <see cref="FinishAsync"/> gives the counts and totals and seals the run with its audit record. Nothing holds the changes:
/// the totals and the digest the record names are kept as they pass. Enumerate <see cref="Changes"/> once, then finish.
/// </summary>
internal sealed class WhatIfStream
{
    private readonly Workspace _workspace;
    private readonly IAsyncEnumerable<ImpactChange> _found;
    private readonly ImpactTally _tally;
    private readonly long? _evaluated;
    private readonly string? _job;
    private readonly ImpactTotals.Builder _totals = new();
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <param name="day">Both sides of the underlying impact comparison: the date of knowledge, else the day of the run.</param>
    /// <param name="evaluated">The orders the run covers when <paramref name="found"/> decides only some of them (a job's changed orders).</param>
    /// <param name="job">The job whose orders were decided, named in the audit record; null in process.</param>
    public WhatIfStream(Workspace workspace, LocalDate? knownAt, LocalDate day, IReadOnlyList<DraftPack> drafts, string ruleSetInUse, string ruleSetWithDrafts,
        IAsyncEnumerable<ImpactChange> found, ImpactTally tally, long? evaluated = null, string? job = null)
    {
        (_workspace, KnownAt, Day, Drafts, RuleSetInUse, RuleSetWithDrafts) = (workspace, knownAt, day, drafts, ruleSetInUse, ruleSetWithDrafts);
        (_found, _tally, _evaluated, _job) = (found, tally, evaluated, job);
    }

    /// <summary>The packs in use as known on this date; null for everything held.</summary>
    public LocalDate? KnownAt { get; }

    public LocalDate Day { get; }

    public IReadOnlyList<DraftPack> Drafts { get; }

    public string RuleSetInUse { get; }

    public string RuleSetWithDrafts { get; }

    /// <summary>The changes, in the orders' order, as they are found.</summary>
    public async IAsyncEnumerable<ImpactChange> Changes([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var change in _found.WithCancellation(cancellationToken))
        {
            _totals.Add(change);
            _digest.AppendData(Encoding.UTF8.GetBytes(
                $"{change.Order.Id}\t{EffectivePeriod.Format(change.After.AsOf)}\t{change.Before.Outcome.ToWire()}\t{change.After.Outcome.ToWire()}\t{change.Material}\n"));
            yield return change;
        }
    }

    /// <summary>
    /// The §9 document, written as the changes are found: the drafts and rule sets, then <c>changes</c>, then the counts,
    /// totals and audit record (the run is sealed once the last change is written).
    /// </summary>
    public Task WriteJsonAsync(TextWriter output, System.Text.Json.JsonSerializerOptions options, CancellationToken cancellationToken) =>
        Wire.JsonArrayStream.WriteObjectAsync(output, WhatIfJson.Head(KnownAt, Drafts, RuleSetInUse, RuleSetWithDrafts), "changes", Changes(cancellationToken),
            ImpactJson.Write, async () =>
            {
                var end = await FinishAsync(cancellationToken);
                return WhatIfJson.Tail(end.Summary, end.Totals, end.AuditRecord);
            }, options, cancellationToken);

    /// <summary>The counts, value at stake and totals of the changes taken, and the audit record that seals the run.</summary>
    public async Task<WhatIfEnd> FinishAsync(CancellationToken cancellationToken)
    {
        var summary = _tally.Summary(Day, Day);
        if (_evaluated is { } evaluated)
        {
            summary = summary with { Evaluated = checked((int)evaluated) };
        }
        var end = new WhatIfEnd(summary, _totals.ToTotals(), 0);
        var record = await _workspace.Store.AppendAuditAsync(
            new AuditEntry(_workspace.Clock.GetCurrentInstant(), _workspace.Options.Actor, WhatIfRun.AuditKind, Payload(summary)), cancellationToken);
        return end with { AuditRecord = record.Sequence };
    }

    // What was asked and what it found, without the determinations: the drafts by hash, the two rule sets, the counts, and a
    // digest of the changed orders and their outcomes (the record stays small over many orders yet pins what the run found).
    private JsonObject Payload(ImpactSummary summary)
    {
        var payload = new JsonObject
        {
            ["knownAt"] = KnownAt is { } date ? EffectivePeriod.Format(date) : null,
            ["drafts"] = WhatIfJson.Drafts(Drafts),
            ["ruleSets"] = new JsonObject { ["inUse"] = RuleSetInUse, ["withDrafts"] = RuleSetWithDrafts },
            ["evaluated"] = summary.Evaluated,
            ["changed"] = summary.Material,
            ["immaterial"] = summary.Immaterial,
            ["valueAtStake"] = ImpactJson.Values(summary.ValueAtStake),
            ["changesSha256"] = Convert.ToHexStringLower(_digest.GetHashAndReset()),
        };
        if (_job is not null)
        {
            payload["job"] = _job;
        }
        return payload;
    }
}
