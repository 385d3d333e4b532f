using Reticle.Input;
using Reticle.Screening.Batch;
using Reticle.Store;
using NodaTime;

namespace Reticle.Service.Jobs;

/// <summary>
/// Submitting jobs (CONTRACT §8), for the command line and the API alike: the inputs are read and stored with the job in one
/// transaction (a CSV streams through, row by row), and only a job stored whole is queued. A bad row refuses the submission
/// with its line named, and nothing is stored or queued.
/// </summary>
internal static class JobSubmission
{
    /// <param name="source">How errors name the CSV (its file name, or the upload's).</param>
    public static async Task<Attempt<StoredJob>> ScreeningAsync(Workspace workspace, IJobQueue queue, string source, TextReader csv, double? threshold, int? shardSize,
        string actor, CancellationToken cancellationToken)
    {
        if (threshold is < 0 or > 1)
        {
            return Refusal.Invalid("threshold", "must be between 0 and 1");
        }
        var now = workspace.Clock.GetCurrentInstant();
        var document = new JobDocument(JobIds.New(now), ScreeningJob.KindName, ScreeningJob.Parameters(threshold, now).ToJsonString(),
            shardSize ?? JobKinds.Of(ScreeningJob.KindName).DefaultShardSize);
        StoredJob job;
        try
        {
            job = await ((IJobStore)workspace.Store).SubmitJobAsync(document, Rows(source, csv, cancellationToken), actor, now, cancellationToken);
        }
        catch (BatchRejectedException e)
        {
            return Refusal.Invalid([e.Error]);
        }
        catch (JobInputRejectedException e)
        {
            return Refusal.Invalid($"{source}:{e.Line}", e.Message);
        }
        await queue.EnqueueAsync(job, cancellationToken);
        return Attempt<StoredJob>.Done(job);
    }

    private static async IAsyncEnumerable<JobInput> Rows(string source, TextReader csv, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var party in BatchPartyStream.ReadAsync(source, csv, cancellationToken))
        {
            yield return ScreeningJob.Input(party);
        }
    }

    /// <summary>Impact over the open orders as they stand now, compared at two knowledge dates.</summary>
    public static async Task<Attempt<StoredJob>> ImpactAsync(Workspace workspace, IJobQueue queue, LocalDate knownAt, LocalDate vs, int? shardSize, string actor,
        CancellationToken cancellationToken)
    {
        var now = workspace.Clock.GetCurrentInstant();
        var document = new JobDocument(JobIds.New(now), ImpactJob.KindName, ImpactJob.Parameters(knownAt, vs).ToJsonString(),
            shardSize ?? JobKinds.Of(ImpactJob.KindName).DefaultShardSize);
        var job = await ((IJobStore)workspace.Store).SubmitJobAsync(document, OpenOrders(workspace, cancellationToken), actor, now, cancellationToken);
        await queue.EnqueueAsync(job, cancellationToken);
        return Attempt<StoredJob>.Done(job);
    }

    /// <summary>
    /// What-if with draft rules over the open orders as they stand now (CONTRACT §9): the drafts are validated with the packs in
    /// use first, and drafts that do not validate refuse the submission naming file, line, column and rule (nothing stored or
    /// queued). The job carries the drafts' texts and hashes, and the day of submission as the day of the run.
    /// </summary>
    public static async Task<Attempt<StoredJob>> WhatIfAsync(Workspace workspace, IJobQueue queue, IReadOnlyList<Reticle.Rules.Packs.RulePackSource> drafts,
        LocalDate? knownAt, bool all, int? shardSize, string actor, CancellationToken cancellationToken)
    {
        var errors = new List<Reticle.Rules.Packs.PackError>();
        if (Reticle.WhatIf.DraftRules.Compile(workspace.LoadRulePacks(), drafts, knownAt, errors) is null)
        {
            return Refusal.Invalid(errors.Select(e => new InputError($"{e.File}:{e.Line}:{e.Column}", $"{(e.RuleId is null ? "" : $"[{e.RuleId}] ")}{e.Message}")));
        }
        var now = workspace.Clock.GetCurrentInstant();
        var document = new JobDocument(JobIds.New(now), WhatIfJob.KindName, WhatIfJob.Parameters(drafts, knownAt, now, all).ToJsonString(),
            shardSize ?? JobKinds.Of(WhatIfJob.KindName).DefaultShardSize);
        var job = await ((IJobStore)workspace.Store).SubmitJobAsync(document, OpenOrders(workspace, cancellationToken), actor, now, cancellationToken);
        await queue.EnqueueAsync(job, cancellationToken);
        return Attempt<StoredJob>.Done(job);
    }

    /// <summary>Re-screening of every open order's parties with the lists held at <paramref name="listsAsOf"/> (just after an import).</summary>
    public static async Task<StoredJob> RescreeningAsync(Workspace workspace, IJobQueue queue, Instant listsAsOf, string actor, CancellationToken cancellationToken)
    {
        var now = workspace.Clock.GetCurrentInstant();
        var document = new JobDocument(JobIds.New(now), RescreeningJob.KindName, RescreeningJob.Parameters(listsAsOf, actor).ToJsonString(),
            JobKinds.Of(RescreeningJob.KindName).DefaultShardSize);
        var job = await ((IJobStore)workspace.Store).SubmitJobAsync(document, OpenOrders(workspace, cancellationToken), actor, now, cancellationToken);
        await queue.EnqueueAsync(job, cancellationToken);
        return job;
    }

    /// <summary>The open orders as job inputs, streamed from one query as the submission stores them (never the whole book in memory).</summary>
    internal static async IAsyncEnumerable<JobInput> OpenOrders(Workspace workspace, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var order in workspace.Store.ReadOrdersAsync(OrderStatus.Open, cancellationToken))
        {
            yield return ImpactJob.Input(order);
        }
    }
}
