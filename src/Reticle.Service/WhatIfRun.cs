using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Audit;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Rules.Packs;
using Reticle.Store;
using Reticle.Time;
using Reticle.WhatIf;

namespace Reticle.Service;

/// <summary>
/// CONTRACT §9 for <c>reticle whatif</c> and <c>POST /whatif</c>: every open order decided on its own date with the rule
/// packs in use and with those plus draft packs; the drafts are validated with the packs in use, never put in force and
/// never stored as determinations. The run itself is one audit record (<see cref="AuditKind"/>) naming the drafts by hash.
/// </summary>
/// <remarks>
/// One use case with plain inputs (draft texts, a date, a flag) and one result. The same work as a job, sharded over the
/// open orders and done by worker nodes on PostgreSQL, is <see cref="Jobs.WhatIfJob"/> (<c>reticle jobs submit whatif</c>).
/// </remarks>
internal static class WhatIfRun
{
    public const string AuditKind = "whatif.run";

    /// <summary>A report with the sequence of the audit record that seals the run, or the errors that rejected the drafts (nothing recorded).</summary>
    public sealed record Result(WhatIfReport? Report, long? AuditRecord, IReadOnlyList<PackError> Errors);

    public static async Task<Result> RunAsync(Workspace workspace, IReadOnlyList<RulePackSource> drafts, LocalDate? knownAt, bool all, CancellationToken cancellationToken)
    {
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(workspace.LoadRulePacks(), drafts, knownAt, errors);
        if (compiled is null)
        {
            return new Result(null, null, errors);
        }
        var (inUse, withDrafts) = await BasesAsync(workspace, compiled, knownAt, null, cancellationToken);
        // As ImpactRun reads them: the open orders streamed from the store, read and decided on every core.
        var report = await WhatIfAnalysis.RunAsync(workspace.Store.ReadOrdersAsync(OrderStatus.Open, cancellationToken), o => inUse.Catalog.Complete(OrderRecording.Read(o)),
            inUse, withDrafts, compiled.Drafts, knownAt, workspace.Today, all, cancellationToken);

        var record = await workspace.Store.AppendAuditAsync(new AuditEntry(workspace.Clock.GetCurrentInstant(), workspace.Options.Actor, AuditKind, Payload(report)), cancellationToken);
        return new Result(report, record.Sequence, []);
    }

    /// <summary>
    /// The report of a completed what-if job (<see cref="Jobs.WhatIfJob"/>, submitted with every change listed): the worker
    /// nodes decided every order on both sides; here only the orders the job found changed are decided again (the job's own
    /// inputs, with the rules, lists and day it pinned), so the report, its totals and value at stake come from the same code
    /// as an in-process run. Recorded as one <see cref="AuditKind"/> record naming the job.
    /// </summary>
    public static async Task<Result> FromJobAsync(Workspace workspace, StoredJob job, IReadOnlyList<RulePackSource> drafts, LocalDate? knownAt, bool all,
        CancellationToken cancellationToken)
    {
        var jobs = (IJobStore)workspace.Store;
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(workspace.LoadRulePacks(), drafts, knownAt, errors);
        if (compiled is null)
        {
            return new Result(null, null, errors);
        }
        var parameters = JsonNode.Parse(job.ParametersJson)!;
        var listsHeldAt = NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)parameters["listsAsOf"]!).GetValueOrThrow();
        var today = NodaTime.Text.LocalDatePattern.Iso.Parse((string)parameters["today"]!).GetValueOrThrow();
        var (inUse, withDrafts) = await BasesAsync(workspace, compiled, knownAt, listsHeldAt, cancellationToken);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var line in jobs.ReadJobResultsAsync(job.Id, cancellationToken))
        {
            changed.Add((string)JsonNode.Parse(line)!["transaction"]!);
        }
        var orders = new List<Model.Transaction>();
        for (var shard = 0; shard < job.ShardCount && orders.Count < changed.Count; shard++)
        {
            orders.AddRange((await jobs.GetShardInputsAsync(job, shard, cancellationToken)).Where(i => changed.Contains(i.Key)).Select(i => inUse.Catalog.Complete(Jobs.ImpactJob.Read(i))));
        }
        var found = WhatIfAnalysis.Run(orders, inUse, withDrafts, compiled.Drafts, knownAt, today, all);
        var report = found with { Changes = found.Changes with { Summary = found.Changes.Summary with { Evaluated = checked((int)job.Total) } } };
        var payload = Payload(report);
        payload["job"] = job.Id;
        var record = await workspace.Store.AppendAuditAsync(new AuditEntry(workspace.Clock.GetCurrentInstant(), workspace.Options.Actor, AuditKind, payload), cancellationToken);
        return new Result(report, record.Sequence, []);
    }

    /// <summary>What is known at <paramref name="knownAt"/>, decided with the rules in use and with the rules plus the drafts (the in-process run and the job alike).</summary>
    /// <param name="listsHeldAt">Without <paramref name="knownAt"/>: the list and ownership imports held at this instant (a job's submission); null for all.</param>
    public static async Task<(DecisionBasis InUse, DecisionBasis WithDrafts)> BasesAsync(Workspace workspace, DraftRules.Compiled compiled, LocalDate? knownAt,
        Instant? listsHeldAt, CancellationToken cancellationToken)
    {
        var inUse = await workspace.LoadBasisAsync(knownAt, compiled.InUse, cancellationToken, listsHeldAt);
        return (inUse, inUse with { Rules = compiled.WithDrafts, Screen = inUse.Screen is null ? null : new Screening.PartyScreen(inUse.Screen.Index, compiled.WithDrafts.ListsDecided) });
    }

    // What was asked and what it found, without the determinations: the drafts by hash, the two rule sets, the counts.
    private static JsonObject Payload(WhatIfReport report) => new()
    {
        ["knownAt"] = report.KnownAt is { } date ? EffectivePeriod.Format(date) : null,
        ["drafts"] = WhatIfJson.Drafts(report.Drafts),
        ["ruleSets"] = new JsonObject { ["inUse"] = report.RuleSetInUse, ["withDrafts"] = report.RuleSetWithDrafts },
        ["evaluated"] = report.Changes.Evaluated,
        ["changed"] = report.Changes.Material,
        ["immaterial"] = report.Changes.Immaterial,
        ["valueAtStake"] = ImpactJson.Values(report.Changes.ValueAtStake),
        ["changesSha256"] = ChangesDigest(report),
    };

    // The changed orders and their outcomes, hashed: the record stays small over many orders yet pins what the run found.
    private static string ChangesDigest(WhatIfReport report) => BundledContent.Sha256(string.Concat(report.Changes.Changes
        .Select(c => $"{c.Order.Id}\t{EffectivePeriod.Format(c.After.AsOf)}\t{c.Before.Outcome.ToWire()}\t{c.After.Outcome.ToWire()}\t{c.Material}\n")));
}
