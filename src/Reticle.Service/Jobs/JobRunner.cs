using System.Text.Json.Nodes;
using Reticle.Audit;
using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>
/// Runs shards of jobs against one workspace: the same code whether the shard came from the calling process (SQLite) or
/// from the job engine's queue (a worker node). A shard is run, its results recorded once (<see cref="IJobStore.RecordShardAsync"/>),
/// and whoever sees the last shard land completes the job: its digest over every result in input order, sealed by one audit
/// record. Every step is safe to repeat, which is what lets a message be delivered again after a worker died.
/// </summary>
/// <param name="beforeShard">A test seam (never set from user input): called before each run of a shard, to make one throw.</param>
internal sealed class JobRunner(Workspace workspace, Func<StoredJob, int, Task>? beforeShard = null) : IShardRunner
{
    // What a kind prepared for a job (an index, the rules at two dates), kept for the jobs most recently run here.
    private readonly List<(string JobId, Task<object> Prepared)> _prepared = [];
    private const int PreparedKept = 2;

    public Workspace Workspace { get; } = workspace;

    private IJobStore Jobs => (IJobStore)Workspace.Store;

    public async Task<StoredJob?> GetJobAsync(string jobId, CancellationToken cancellationToken) => await Jobs.GetJobAsync(jobId, cancellationToken);

    /// <summary>
    /// Runs a shard and records what it produced. A deterministic failure fails the job here, naming the shard; a transient one
    /// (<see cref="ShardRetryPolicy.IsTransient"/>) is thrown for the caller's retry policy (Wolverine's on a worker,
    /// <see cref="ShardRetryPolicy.RunAsync"/> in process), which calls <see cref="FailAsync"/> when it gives up.
    /// </summary>
    public async Task RunShardAsync(string jobId, int shard, CancellationToken cancellationToken)
    {
        try
        {
            await RunShardOnceAsync(jobId, shard, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested && !ShardRetryPolicy.IsTransient(e))
        {
            // The same inputs would fail the same way on any worker: the job fails, naming the shard and why. (Not while this
            // node is stopping: whatever a shutdown throws says nothing of the shard, which goes back to the queue.)
            await FailAsync(jobId, shard, e, 1, cancellationToken);
        }
    }

    private async Task RunShardOnceAsync(string jobId, int shard, CancellationToken cancellationToken)
    {
        if (await Jobs.GetJobAsync(jobId, cancellationToken) is not { } job || JobStatus.HasEnded(job.Status))
        {
            return;
        }
        if (beforeShard is not null)
        {
            await beforeShard(job, shard);
        }
        var inputs = await Jobs.GetShardInputsAsync(job, shard, cancellationToken);
        var kind = JobKinds.Of(job.Kind);
        var prepared = await PreparedAsync(job, kind, cancellationToken);
        var output = await kind.RunShardWithHoldsAsync(Workspace, prepared, inputs, cancellationToken);
        // Results, determinations and holds land together, once: a second run of the shard writes nothing.
        var recorded = await Jobs.RecordShardAsync(job.Id, shard, inputs.Count, output.Results, output.Holds, job.SubmittedBy,
            Workspace.Clock.GetCurrentInstant(), cancellationToken);
        if (recorded.AllShardsDone && !recorded.JobEnded)
        {
            await CompleteAsync(job.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Fails a job because one of its shards (or, with no shard, its start) failed, naming the shard, the error and, after
    /// retries, how many attempts were made. Does nothing to a job that has ended.
    /// </summary>
    public async Task FailAsync(string jobId, int? shard, Exception failure, int attempts, CancellationToken cancellationToken)
    {
        if (await Jobs.GetJobAsync(jobId, cancellationToken) is not { } job || JobStatus.HasEnded(job.Status))
        {
            return;
        }
        var inputs = shard is { } s ? Math.Clamp(job.Total - ((long)s * job.ShardSize), 0, job.ShardSize) : job.Total - job.Done;
        var error = failure is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : failure;
        var where = shard is { } n ? $"shard {n}" : "starting the job";
        var problem = attempts > 1 ? $"{where}: failed {attempts} times, last: {error.Message}" : $"{where}: {error.Message}";
        await Jobs.FailJobAsync(job.Id, inputs, problem, Workspace.Clock.GetCurrentInstant(), cancellationToken);
    }

    /// <summary>Digests the results of a job whose shards have all landed and seals it; does nothing if another node did.</summary>
    public async Task CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        var root = new MerkleRoot();
        await foreach (var line in Jobs.ReadJobResultsAsync(jobId, cancellationToken))
        {
            root.Add(line);
        }
        await Jobs.CompleteJobAsync(jobId, root.Count, root.Root(), Workspace.Options.Actor, Workspace.Clock.GetCurrentInstant(), cancellationToken);
    }

    private Task<object> PreparedAsync(StoredJob job, JobKind kind, CancellationToken cancellationToken)
    {
        lock (_prepared)
        {
            var index = _prepared.FindIndex(p => p.JobId == job.Id);
            if (index >= 0 && !_prepared[index].Prepared.IsFaulted && !_prepared[index].Prepared.IsCanceled)
            {
                return _prepared[index].Prepared;
            }
            if (index >= 0)
            {
                _prepared.RemoveAt(index);
            }
            var prepared = kind.PrepareAsync(Workspace, JsonNode.Parse(job.ParametersJson)!.AsObject(), cancellationToken);
            _prepared.Insert(0, (job.Id, prepared));
            if (_prepared.Count > PreparedKept)
            {
                _prepared.RemoveAt(PreparedKept);
            }
            return prepared;
        }
    }
}
