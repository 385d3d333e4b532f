using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Hosting;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Service;
using Reticle.Service.Jobs;
using Reticle.Service.Wire;
using Reticle.Store;
using Spectre.Console;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle jobs</c> (CONTRACT §8): submit, list, show, wait for, read and cancel jobs. With SQLite a submitted job runs in
/// this process before its id is printed; with PostgreSQL it is queued for the workers (<c>reticle worker</c>, <c>serve</c>).
/// </summary>
internal static class JobsCommand
{
    private static readonly Argument<string> Id = new("id") { Description = "The job's id (job_…)" };
    private static readonly Argument<string> File = new("file") { Description = "A CSV of parties as for 'screen --batch': header row; columns id,name, optional country,type" };
    private static readonly Option<double?> Threshold = new("--threshold") { Description = "Least score of a hit, 0..1 (default: the product's)" };
    private static readonly Option<int?> ShardSize = new("--shard-size") { Description = "Inputs per shard (default: 500 names, 200 orders); smaller shards spread and recover faster" };
    private static readonly Option<NodaTime.LocalDate?> KnownAt = DateOption.Create("--known-at", "The earlier state of knowledge");
    private static readonly Option<NodaTime.LocalDate?> Vs = DateOption.Create("--vs", "The later state of knowledge to compare with");
    private static readonly Option<string> DraftPacks = new("--packs") { Description = "Folder of draft rule packs (YAML, searched recursively), as for 'whatif'", Required = true, HelpName = "DIR" };
    private static readonly Option<NodaTime.LocalDate?> DraftsKnownAt = DateOption.Create("--known-at", "Use the packs, licence events and lists as known on this date (default: everything held)");
    private static readonly Option<double?> Timeout = new("--timeout") { Description = "Give up after this many seconds (exit 124)" };
    private static readonly Option<string?> Out = new("--out") { Description = "Write the results here (JSON Lines, one line per result, in input order)" };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many jobs, newest first", DefaultValueFactory = _ => 50 };

    /// <summary>The exit code of <c>jobs wait</c> when the timeout passes first (as timeout(1)).</summary>
    public const int TimedOut = 124;

    public static Command Create(CliEnvironment env)
    {
        var screening = new Command("screening", "Queue a batch screening of a CSV (as 'screen --batch'); the job id alone is the last line on stdout") { File, Threshold, ShardSize };
        screening.SetAction((parse, ct) => SubmitScreeningAsync(parse, env, ct));
        var impact = new Command("impact", "Queue an impact analysis over all open orders (as 'impact'); the job id alone is the last line on stdout") { KnownAt, Vs, ShardSize };
        impact.SetAction((parse, ct) => SubmitImpactAsync(parse, env, ct));
        var whatIf = new Command("whatif", "Queue a what-if with draft rule packs over all open orders (as 'whatif'); drafts are validated first; the job id alone is the last line on stdout")
        {
            DraftPacks, DraftsKnownAt, ImpactCommand.All, ShardSize,
        };
        whatIf.SetAction((parse, ct) => SubmitWhatIfAsync(parse, env, ct));
        var submit = new Command("submit", "Submit a job") { screening, impact, whatIf };

        var show = new Command("show", "One job: status, progress, digest and the audit record sealing it") { Id };
        show.SetAction((parse, ct) => ShowAsync(parse, env, ct));
        var wait = new Command("wait", "Wait for a job to end, with a progress bar on a terminal; exit 0 completed, 1 failed or cancelled, 124 on timeout") { Id, Timeout };
        wait.SetAction((parse, ct) => WaitAsync(parse, env, ct));
        var results = new Command("results", "Write a completed job's results, one JSON line per result in input order") { Id, Out };
        results.SetAction((parse, ct) => ResultsAsync(parse, env, ct));
        var cancel = new Command("cancel", "Cancel a queued or running job; results of shards already done are dropped") { Id };
        cancel.SetAction((parse, ct) => CancelAsync(parse, env, ct));

        var jobs = new Command("jobs", "Long work as durable jobs (batch screening, impact, what-if, re-screening after a list import): with status and progress") { Limit, submit, show, wait, results, cancel };
        jobs.SetAction((parse, ct) => ListAsync(parse, env, ct));
        return jobs;
    }

    private static async Task<int> SubmitScreeningAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(File)!;
        if (!file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw RefusedException.Invalid(file, $"unknown format '{Path.GetExtension(file)}': a screening job takes a CSV (.csv) as 'screen --batch' does");
        }
        if (!System.IO.File.Exists(file))
        {
            throw RefusedException.Invalid(file, "no such file");
        }
        var threshold = parse.GetValue(Threshold);
        return await SubmitAsync(parse, env, async (workspace, queue) =>
        {
            using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            try
            {
                return await JobSubmission.ScreeningAsync(workspace, queue, file, reader, threshold, parse.GetValue(ShardSize), env.Actor, cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return Refusal.Invalid(file, "the file is not valid UTF-8");
            }
        }, cancellationToken);
    }

    private static async Task<int> SubmitImpactAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        if (parse.GetValue(KnownAt) is not { } knownAt || parse.GetValue(Vs) is not { } vs)
        {
            throw new UsageException("give --known-at DATE and --vs DATE");
        }
        return await SubmitAsync(parse, env, (workspace, queue) =>
            JobSubmission.ImpactAsync(workspace, queue, knownAt, vs, parse.GetValue(ShardSize), env.Actor, cancellationToken), cancellationToken);
    }

    private static async Task<int> SubmitWhatIfAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var directory = parse.GetValue(DraftPacks)!;
        var drafts = RulePackFolder.Read(directory) ?? throw RefusedException.Invalid(directory, "no such folder");
        return await SubmitAsync(parse, env, (workspace, queue) => JobSubmission.WhatIfAsync(workspace, queue, drafts, parse.GetValue(DraftsKnownAt),
            parse.GetValue(ImpactCommand.All), parse.GetValue(ShardSize), env.Actor, cancellationToken), cancellationToken);
    }

    private static async Task<int> SubmitAsync(ParseResult parse, CliEnvironment env, Func<Workspace, IJobQueue, Task<Attempt<StoredJob>>> submit,
        CancellationToken cancellationToken)
    {
        if (parse.GetValue(ShardSize) is < 1)
        {
            throw new UsageException("--shard-size must be at least 1");
        }
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        // On PostgreSQL this process only writes to the queue (a serverless node: it registers no node and recovers nothing).
        var engine = workspace.Options.Store.Postgres is { Length: > 0 } ? await JobEngine.StartAsync(workspace, work: false, cancellationToken) : null;
        try
        {
            var job = (await submit(workspace, JobEngine.QueueFor(workspace, engine))).OrRefuse();
            var now = await ((IJobStore)workspace.Store).GetJobAsync(job.Id, cancellationToken) ?? job;
            await env.Error.WriteLineAsync(engine is null
                ? $"reticle: job {job.Id} ({job.Kind}, {job.Total:N0} input(s)) ran here: {now.Status}"
                : $"reticle: job {job.Id} ({job.Kind}, {job.Total:N0} input(s) in {job.ShardCount:N0} shard(s)) queued for the workers");
            await env.Out.WriteLineAsync(job.Id);
            return ExitCodes.Success;
        }
        finally
        {
            if (engine is not null)
            {
                await engine.StopAsync(CancellationToken.None);
                engine.Dispose();
            }
        }
    }

    /// <summary>
    /// After list imports: the re-screening job over the open orders that <see cref="Rescreening"/> decides on (if any), run
    /// here on SQLite and queued on PostgreSQL. Orders whose parties now hit a list are held. Reported on stderr.
    /// </summary>
    /// <returns>The job submitted, or null.</returns>
    public static async Task<StoredJob?> RescreenAsync(Workspace workspace, CliEnvironment env, IEnumerable<ListImports.Result> imports, CancellationToken cancellationToken)
    {
        IHost? engine = null;
        try
        {
            var job = await Rescreening.AfterImportsAsync(workspace, async ct =>
            {
                engine = workspace.Options.Store.Postgres is { Length: > 0 } ? await JobEngine.StartAsync(workspace, work: false, ct) : null;
                return JobEngine.QueueFor(workspace, engine);
            }, imports, env.Actor, cancellationToken);
            if (job is not null)
            {
                var now = await ((IJobStore)workspace.Store).GetJobAsync(job.Id, cancellationToken) ?? job;
                await env.Error.WriteLineAsync($"reticle: re-screening the parties of {job.Total:N0} open order(s) against the lists now held: job {job.Id} ({now.Status})");
            }
            return job;
        }
        finally
        {
            if (engine is not null)
            {
                await engine.StopAsync(CancellationToken.None);
                engine.Dispose();
            }
        }
    }

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var jobs = await ((IJobStore)workspace.Store).GetJobsAsync(Math.Max(1, parse.GetValue(Limit)), cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            await env.Out.WriteLineAsync(JobJson.Of(jobs).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("id", "kind", "status", "done", "total", "submitted", "digest");
        foreach (var job in jobs)
        {
            table.AddRow(job.Id, job.Kind, job.Status, $"{job.Done:N0}", $"{job.Total:N0}", NodaTime.Text.InstantPattern.General.Format(job.SubmittedAt), Markup.Escape(job.ResultDigest ?? ""));
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }

    private static async Task<StoredJob> FindAsync(Workspace workspace, string id, CancellationToken cancellationToken) =>
        (JobIds.IsWellFormed(id) ? await ((IJobStore)workspace.Store).GetJobAsync(id, cancellationToken) : null)
        ?? throw new RefusedException(Refusal.NotFound(id, "no such job"));

    private static async Task<int> ShowAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var job = await FindAsync(workspace, parse.GetValue(Id)!, cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            await env.Out.WriteLineAsync(JobJson.Of(job).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        await env.Out.WriteLineAsync($"{job.Id}: {job.Kind}, {job.Status}, {job.Done:N0} of {job.Total:N0} done, {job.Failed:N0} failed");
        await env.Out.WriteLineAsync($"  submitted {NodaTime.Text.InstantPattern.General.Format(job.SubmittedAt)} by {job.SubmittedBy}"
            + (job.CompletedAt is { } at ? $", ended {NodaTime.Text.InstantPattern.General.Format(at)}" : ""));
        if (job.ResultDigest is { } digest)
        {
            await env.Out.WriteLineAsync($"  {job.ResultCount:N0} result(s), digest {digest}, sealed by audit record {job.AuditSequence}");
        }
        if (job.Problem is { } problem)
        {
            await env.Out.WriteLineAsync($"  problem: {problem}");
        }
        return ExitCodes.Success;
    }

    private static async Task<int> WaitAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var job = await FindAsync(workspace, parse.GetValue(Id)!, cancellationToken);
        var timeout = parse.GetValue(Timeout);
        if (timeout is < 0)
        {
            throw new UsageException("--timeout must not be negative");
        }
        // Elapsed time, not the business clock: a timeout is about how long this process waits.
        var started = TimeProvider.System.GetTimestamp();
        bool TimeIsUp() => timeout is { } seconds && TimeProvider.System.GetElapsedTime(started).TotalSeconds >= seconds;
        async Task<StoredJob> PollAsync(Action<StoredJob>? tick)
        {
            while (true)
            {
                job = await ((IJobStore)workspace.Store).GetJobAsync(job.Id, cancellationToken) ?? job;
                tick?.Invoke(job);
                if (JobStatus.HasEnded(job.Status) || TimeIsUp())
                {
                    return job;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
        if (ConsoleOutput.Progress(env) is { } console && !JobStatus.HasEnded(job.Status))
        {
            await console.Progress().StartAsync(async context =>
            {
                var bar = context.AddTask($"{job.Kind} {job.Id}", maxValue: Math.Max(1, job.Total));
                await PollAsync(j => bar.Value = j.Done);
            });
        }
        else
        {
            await PollAsync(null);
        }
        await env.Error.WriteLineAsync($"reticle: job {job.Id}: {job.Status}, {job.Done:N0} of {job.Total:N0} done" + (job.Problem is { } p ? $" ({p})" : ""));
        if (parse.GetValue(GlobalOptions.Json))
        {
            await env.Out.WriteLineAsync(JobJson.Of(job).ToJsonString(JsonOutput.Options));
        }
        return job.Status switch
        {
            JobStatus.Completed => ExitCodes.Success,
            JobStatus.Failed or JobStatus.Cancelled => ExitCodes.Rejected,
            _ => TimedOut,
        };
    }

    private static async Task<int> ResultsAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var output = parse.GetValue(Out) ?? throw new UsageException("give --out FILE.jsonl");
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var job = await FindAsync(workspace, parse.GetValue(Id)!, cancellationToken);
        if (job.Status != JobStatus.Completed)
        {
            throw new RefusedException(Refusal.Conflict(job.Id, $"the job is {job.Status}: only a completed job has results"));
        }
        // Written to a temporary file and moved into place: a failure never leaves half a result file.
        var temporary = output + ".partial";
        long lines = 0;
        await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            await foreach (var line in ((IJobStore)workspace.Store).ReadJobResultsAsync(job.Id, cancellationToken))
            {
                await writer.WriteLineAsync(line);
                lines++;
            }
        }
        System.IO.File.Move(temporary, output, overwrite: true);
        await env.Error.WriteLineAsync($"reticle: {lines:N0} result(s) of {job.Id} in {output} (digest {job.ResultDigest})");
        return ExitCodes.Success;
    }

    private static async Task<int> CancelAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var job = await FindAsync(workspace, parse.GetValue(Id)!, cancellationToken);
        if (!await ((IJobStore)workspace.Store).CancelJobAsync(job.Id, workspace.Clock.GetCurrentInstant(), cancellationToken))
        {
            throw new RefusedException(Refusal.Conflict(job.Id, $"the job is {job.Status}: only a queued or running job can be cancelled"));
        }
        await env.Out.WriteLineAsync($"{job.Id}: cancelled");
        return ExitCodes.Success;
    }
}
