using System.Text.Json.Nodes;
using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>
/// One kind of job (CONTRACT §8): what a shard of it does. A kind is one class: <see cref="PrepareAsync"/> loads what every
/// shard of a job shares (an index, the rules known at a date) once per worker and job, and <see cref="RunShardAsync"/> turns a
/// shard's inputs into its result lines, in input order. The same inputs and parameters must give the same lines on any
/// worker, whenever it runs: a shard may run more than once (delivery is at least once) and its results land once.
/// </summary>
internal abstract class JobKind
{
    /// <summary>The kind's name, as stored and on the wire.</summary>
    public abstract string Name { get; }

    /// <summary>Inputs per shard when the submitter does not say: small enough that a dead worker strands little.</summary>
    public abstract int DefaultShardSize { get; }

    public abstract Task<object> PrepareAsync(Workspace workspace, JsonObject parameters, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<string>> RunShardAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken);

    /// <summary>
    /// What the runner calls: the shard's results and the holds it places, which the runner writes in one transaction (a shard
    /// run twice writes nothing the second time). Most kinds have results only; a kind whose shards put orders on hold
    /// (re-screening) overrides this, and must not write anything itself.
    /// </summary>
    public virtual async Task<ShardOutput> RunShardWithHoldsAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken) =>
        new(await RunShardAsync(workspace, prepared, inputs, cancellationToken), []);
}
