using System.CommandLine;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Impact;
using Reticle.Service;
using Reticle.Service.Jobs;
using Reticle.Service.Wire;
using Reticle.Time;
using Reticle.WhatIf;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle whatif --packs DIR [--known-at DATE] [--all]</c> (CONTRACT §9): every open order decided on its own date with
/// the rule packs in use and with those plus the draft packs in DIR; which orders the drafts would change, why, and the value at stake.
/// </summary>
internal static class WhatIfCommand
{
    private static readonly Option<string> Packs = new("--packs") { Description = "Folder of draft rule packs (YAML, searched recursively)", Required = true, HelpName = "DIR" };
    private static readonly Option<LocalDate?> KnownAt = DateOption.Create("--known-at", "Use the packs, licence events and lists as known on this date (default: everything held)");

    private static readonly Option<double?> Timeout = new("--timeout")
    {
        Description = "On PostgreSQL: stop waiting for the what-if job after this many seconds (exit 124; the job runs on, its id is printed for 'reticle jobs wait')",
        HelpName = "SECONDS",
    };

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("whatif", "Re-decide every open order with the rule packs in use and with draft packs added; report the orders the drafts would change, why, and the value at stake")
        {
            Packs, KnownAt, ImpactCommand.All, Timeout,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var directory = parse.GetValue(Packs)!;
        var drafts = RulePackFolder.Read(directory) ?? throw RefusedException.Invalid(directory, "no such folder");
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var (knownAt, all, timeout) = (parse.GetValue(KnownAt), parse.GetValue(ImpactCommand.All), parse.GetValue(Timeout));
        var onPostgres = workspace.Options.Store.Postgres is { Length: > 0 };
        if (timeout is { } limit && (limit < 0 || !onPostgres))
        {
            // Not silently ignored: on SQLite the what-if runs in this process, and there is no job to leave running.
            throw new UsageException(limit < 0 ? "--timeout must not be negative" : "--timeout is for the what-if job on PostgreSQL (--postgres); on SQLite the what-if runs in this process");
        }
        var result = onPostgres
            ? await RunAsJobAsync(workspace, env, drafts, knownAt, all, timeout, parse.GetValue(GlobalOptions.Json), cancellationToken)
            : await WhatIfRun.RunAsync(workspace, drafts, knownAt, all, cancellationToken);
        if (result is null)
        {
            return JobsCommand.TimedOut;
        }
        if (result.Run is not { } run)
        {
            throw PacksCommand.Refuse(result.Errors);
        }
        if (parse.GetValue(GlobalOptions.Json))
        {
            await run.WriteJsonAsync(env.Out, JsonOutput.Options, cancellationToken);
            return ExitCodes.Success;
        }
        await WriteAsync(env.Out, run, cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>
    /// On PostgreSQL (CONTRACT §8): the orders are decided by the worker nodes as a what-if job, listing every change; this
    /// process waits for it and builds the report from the orders it found changed (<see cref="WhatIfRun.FromJobAsync"/>).
    /// </summary>
    /// <returns>
    /// Null when <paramref name="timeout"/> seconds passed first: the job is named on stderr and, for scripts, on stdout (its id
    /// alone, or with <paramref name="json"/> the job as <c>jobs show --json</c> gives it), as <c>jobs wait --timeout</c> leaves it.
    /// </returns>
    private static async Task<WhatIfRun.Result?> RunAsJobAsync(Service.Workspace workspace, CliEnvironment env, IReadOnlyList<Rules.Packs.RulePackSource> drafts,
        LocalDate? knownAt, bool all, double? timeout, bool json, CancellationToken cancellationToken)
    {
        var engine = await JobEngine.StartAsync(workspace, work: false, cancellationToken);
        Store.StoredJob job;
        try
        {
            job = (await JobSubmission.WhatIfAsync(workspace, JobEngine.QueueFor(workspace, engine), drafts, knownAt, all: true, shardSize: null, env.Actor, cancellationToken))
                .OrRefuse();
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
            engine.Dispose();
        }
        await env.Error.WriteLineAsync($"reticle: what-if job {job.Id} ({job.Total:N0} open order(s) in {job.ShardCount:N0} shard(s)) queued for the workers; waiting for it");
        var jobs = (Store.IJobStore)workspace.Store;
        // Elapsed time, not the business clock: a timeout is about how long this process waits.
        var started = TimeProvider.System.GetTimestamp();
        while (!Store.JobStatus.HasEnded(job.Status))
        {
            if (timeout is { } seconds && TimeProvider.System.GetElapsedTime(started).TotalSeconds >= seconds)
            {
                await env.Error.WriteLineAsync($"reticle: what-if job {job.Id} has not ended after {seconds:0.###} s ({job.Status}, {job.Done:N0} of {job.Total:N0} done); "
                    + $"it runs on: 'reticle jobs wait {job.Id}', then 'reticle jobs results {job.Id} --out changes.jsonl'");
                await env.Out.WriteLineAsync(json ? JobJson.Of(job).ToJsonString(JsonOutput.Options) : job.Id);
                return null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            job = await jobs.GetJobAsync(job.Id, cancellationToken) ?? job;
        }
        if (job.Status != Store.JobStatus.Completed)
        {
            throw new RefusedException(Refusal.Conflict("job", $"what-if job {job.Id} {job.Status}{(job.Problem is { } p ? $": {p}" : "")}"));
        }
        return await WhatIfRun.FromJobAsync(workspace, job, drafts, knownAt, all, cancellationToken);
    }

    /// <summary>The drafts, then each change as it is found, then the summary, totals and the audit record that seals the run.</summary>
    private static async Task WriteAsync(TextWriter w, WhatIfStream run, CancellationToken cancellationToken)
    {
        w.WriteLine($"what-if: {run.Drafts.Count} draft pack(s) with the packs in use{(run.KnownAt is { } d ? $" as known at {EffectivePeriod.Format(d)}" : "")}");
        foreach (var draft in run.Drafts)
        {
            w.WriteLine($"  draft {draft.Id} ({draft.Jurisdiction}{(draft.Supersedes.Count > 0 ? $", supersedes {string.Join(", ", draft.Supersedes)}" : "")}) {draft.File} sha256:{draft.Sha256}");
        }
        var listed = await ImpactText.WriteChangesAsync(w, run.Changes(cancellationToken), cancellationToken);
        var end = await run.FinishAsync(cancellationToken);
        w.WriteLine();
        ImpactText.WriteSummary(w, end.Summary, listed ? "listed above" : null);
        WriteTotals(w, "by jurisdiction", end.Totals.ByJurisdiction);
        WriteTotals(w, "by customer", end.Totals.ByCustomer);
        WriteTotals(w, "by item", end.Totals.ByItem);
        WriteTotals(w, "by month", end.Totals.ByMonth);
        w.WriteLine($"  nothing was put in force or stored as a determination; the run is audit record {end.AuditRecord}");
    }

    private static void WriteTotals(TextWriter w, string title, IReadOnlyList<ImpactGroup> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }
        w.WriteLine($"  {title}:");
        foreach (var g in groups)
        {
            w.WriteLine($"    {g.Key}: {g.Orders} changed, {g.Worse} worse; at stake {ImpactText.Values(g.ValueAtStake)}; held {ImpactText.Values(g.HeldBefore)} → {ImpactText.Values(g.HeldAfter)}");
        }
    }
}
