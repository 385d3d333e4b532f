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

    /// <summary>The run under way, or the errors that rejected the drafts (nothing recorded).</summary>
    public sealed record Result(WhatIfStream? Run, IReadOnlyList<PackError> Errors);

    public static async Task<Result> RunAsync(Workspace workspace, IReadOnlyList<RulePackSource> drafts, LocalDate? knownAt, bool all, CancellationToken cancellationToken)
    {
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(workspace.LoadRulePacks(), drafts, knownAt, errors);
        if (compiled is null)
        {
            return new Result(null, errors);
        }
        var (inUse, withDrafts) = await BasesAsync(workspace, compiled, knownAt, null, cancellationToken);
        // As ImpactRun reads them: the open orders streamed from the store, read and decided on every core, the changes
        // written as they are found.
        var day = knownAt ?? workspace.Today;
        var tally = new ImpactTally();
        var found = WhatIfAnalysis.ChangesAsync(workspace.Store.ReadOrdersAsync(OrderStatus.Open, cancellationToken), o => inUse.Catalog.Complete(OrderRecording.Read(o)),
            inUse, withDrafts, compiled.Drafts, day, all, tally, cancellationToken);
        return new Result(new WhatIfStream(workspace, knownAt, day, compiled.Drafts, inUse.Rules.Hash, withDrafts.Rules.Hash, found, tally), []);
    }

    /// <summary>
    /// The report of a completed what-if job (<see cref="Jobs.WhatIfJob"/>, submitted with every change listed): the worker
    /// nodes decided every order on both sides; here only the orders the job found changed are decided again (the job's own
    /// inputs, with the rules, lists and day it pinned), so the report, its totals and value at stake come from the same code
    /// as an in-process run. Sealed by one <see cref="AuditKind"/> record naming the job.
    /// </summary>
    public static async Task<Result> FromJobAsync(Workspace workspace, StoredJob job, IReadOnlyList<RulePackSource> drafts, LocalDate? knownAt, bool all,
        CancellationToken cancellationToken)
    {
        var jobs = (IJobStore)workspace.Store;
        var errors = new List<PackError>();
        var compiled = DraftRules.Compile(workspace.LoadRulePacks(), drafts, knownAt, errors);
        if (compiled is null)
        {
            return new Result(null, errors);
        }
        var parameters = JsonNode.Parse(job.ParametersJson)!;
        var listsHeldAt = NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)parameters["listsAsOf"]!).GetValueOrThrow();
        var today = NodaTime.Text.LocalDatePattern.Iso.Parse((string)parameters["today"]!).GetValueOrThrow();
        var (inUse, withDrafts) = await BasesAsync(workspace, compiled, knownAt, listsHeldAt, cancellationToken);
        // The ids of the changed orders (a short text each), then their inputs streamed shard by shard.
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var line in jobs.ReadJobResultsAsync(job.Id, cancellationToken))
        {
            changed.Add((string)JsonNode.Parse(line)!["transaction"]!);
        }
        var day = knownAt ?? today;
        var tally = new ImpactTally();
        var found = WhatIfAnalysis.ChangesAsync(ChangedInputs(jobs, job, changed, cancellationToken), i => inUse.Catalog.Complete(Jobs.ImpactJob.Read(i)),
            inUse, withDrafts, compiled.Drafts, day, all, tally, cancellationToken);
        return new Result(new WhatIfStream(workspace, knownAt, day, compiled.Drafts, inUse.Rules.Hash, withDrafts.Rules.Hash, found, tally, job.Total, job.Id), []);
    }

    private static async IAsyncEnumerable<JobInput> ChangedInputs(IJobStore jobs, StoredJob job, HashSet<string> changed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var left = changed.Count;
        for (var shard = 0; shard < job.ShardCount && left > 0; shard++)
        {
            foreach (var input in await jobs.GetShardInputsAsync(job, shard, cancellationToken))
            {
                if (changed.Contains(input.Key))
                {
                    left--;
                    yield return input;
                }
            }
        }
    }

    /// <summary>What is known at <paramref name="knownAt"/>, decided with the rules in use and with the rules plus the drafts (the in-process run and the job alike).</summary>
    /// <param name="listsHeldAt">Without <paramref name="knownAt"/>: the list and ownership imports held at this instant (a job's submission); null for all.</param>
    public static async Task<(DecisionBasis InUse, DecisionBasis WithDrafts)> BasesAsync(Workspace workspace, DraftRules.Compiled compiled, LocalDate? knownAt,
        Instant? listsHeldAt, CancellationToken cancellationToken)
    {
        var inUse = await workspace.LoadBasisAsync(knownAt, compiled.InUse, cancellationToken, listsHeldAt);
        return (inUse, inUse with { Rules = compiled.WithDrafts, Screen = inUse.Screen is null ? null : new Screening.PartyScreen(inUse.Screen.Index, compiled.WithDrafts.ListsDecided) });
    }
}
