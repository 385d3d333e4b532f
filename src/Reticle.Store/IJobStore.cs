using NodaTime;

namespace Reticle.Store;

/// <summary>
/// Jobs (CONTRACT §8), kept beside everything else in the same database: SQLite runs them in the calling process, and on
/// PostgreSQL any number of workers take their shards. Delivery to workers is at least once, so every write here that a
/// shard makes is idempotent: a shard's results land once, and only the write that landed moves the job on.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Stores a job and its inputs in one transaction, as they stream from <paramref name="inputs"/> (never all held):
    /// if reading them throws, or a key is used twice, nothing is stored.
    /// </summary>
    /// <exception cref="JobInputRejectedException">Two inputs share a key; the later one's line is named.</exception>
    Task<StoredJob> SubmitJobAsync(JobDocument job, IAsyncEnumerable<JobInput> inputs, string actor, Instant at, CancellationToken cancellationToken = default);

    Task<StoredJob?> GetJobAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The newest jobs first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredJob>> GetJobsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The inputs of one shard, in input order.</summary>
    Task<IReadOnlyList<JobInput>> GetShardInputsAsync(StoredJob job, int shard, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one shard's results (JSON Lines in input order) once: a second run of the shard stores nothing. Only the run
    /// that stored them adds the shard's inputs to <see cref="StoredJob.Done"/>, under the job row's lock. Nothing is stored
    /// for a job that has ended (cancelled, failed), so a cancelled job never gains results.
    /// </summary>
    Task<ShardRecording> RecordShardAsync(string jobId, int shard, int inputs, IReadOnlyList<string> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RecordShardAsync(string, int, int, IReadOnlyList{string}, CancellationToken)"/>, with the shard's effects
    /// beyond its results: each hold's determination is recorded with its audit record and the hold placed (as a shipment that
    /// stops an order places it), in the same transaction as the results, and only by the run that stores them. A shard run
    /// again (a worker killed between writing and acknowledging) records no second determination and places no second hold.
    /// An order no longer open (shipped or cancelled since the job was submitted) is passed over: there is nothing to hold.
    /// </summary>
    /// <exception cref="ArgumentException">A determination's input or result is not valid JSON; nothing is stored.</exception>
    Task<ShardRecording> RecordShardAsync(string jobId, int shard, int inputs, IReadOnlyList<string> results, IReadOnlyList<ShardHold> holds, string actor, Instant at,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a job whose every shard has landed: one audit record seals its result count and digest, in the same
    /// transaction. Returns the job, or null when it was not running with every shard landed (another worker completed it,
    /// or it was cancelled): safe to call from every worker that sees the last shard land.
    /// </summary>
    Task<StoredJob?> CompleteJobAsync(string jobId, long resultCount, string resultDigest, string actor, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Ends a queued or running job as failed (a shard could not be done), dropping its results. False if it had ended.</summary>
    Task<bool> FailJobAsync(string jobId, long failedInputs, string problem, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Cancels a queued or running job and drops the results of its shards. False if it had ended.</summary>
    Task<bool> CancelJobAsync(string jobId, Instant at, CancellationToken cancellationToken = default);

    /// <summary>The stored results of a job, one per line, in input order, streamed.</summary>
    IAsyncEnumerable<string> ReadJobResultsAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every completed job's stored results against its seal: the digest recomputed over the stored results must equal the
    /// one its audit record sealed (and the job row's), and so must the count.
    /// </summary>
    Task<JobVerification> VerifyJobsAsync(CancellationToken cancellationToken = default);
}
