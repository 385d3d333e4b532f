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
internal sealed class JobRunner(Workspace workspace) : IShardRunner
{
    // What a kind prepared for a job (an index, the rules at two dates), kept for the jobs most recently run here.
    private readonly List<(string JobId, Task<object> Prepared)> _prepared = [];
    private const int PreparedKept = 2;

    public Workspace Workspace { get; } = workspace;

    private IJobStore Jobs => (IJobStore)Workspace.Store;

    public async Task<StoredJob?> GetJobAsync(string jobId, CancellationToken cancellationToken) => await Jobs.GetJobAsync(jobId, cancellationToken);

    public async Task RunShardAsync(string jobId, int shard, CancellationToken cancellationToken)
    {
        if (await Jobs.GetJobAsync(jobId, cancellationToken) is not { } job || JobStatus.HasEnded(job.Status))
        {
            return;
        }
        var inputs = await Jobs.GetShardInputsAsync(job, shard, cancellationToken);
        IReadOnlyList<string> results;
        try
        {
            var kind = JobKinds.Of(job.Kind);
            var prepared = await PreparedAsync(job, kind, cancellationToken);
            results = await kind.RunShardAsync(Workspace, prepared, inputs, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
        {
            // The same inputs would fail the same way on any worker: the job fails, naming the shard and why. (A database error
            // is left to the engine, which retries the message.)
            await Jobs.FailJobAsync(job.Id, inputs.Count, $"shard {shard}: {e.Message}", Workspace.Clock.GetCurrentInstant(), cancellationToken);
            return;
        }
        var recorded = await Jobs.RecordShardAsync(job.Id, shard, inputs.Count, results, cancellationToken);
        if (recorded.AllShardsDone && !recorded.JobEnded)
        {
            await CompleteAsync(job.Id, cancellationToken);
        }
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
