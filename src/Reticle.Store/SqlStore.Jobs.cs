using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store;

// Jobs (IJobStore): plain transactions, not the audit write lock, except where an audit record is appended (completion).
// Each shard write first updates the job row, which holds that row's lock to commit (PostgreSQL) or the database's single
// writer (SQLite, BEGIN IMMEDIATE): a cancel and a shard landing never interleave.
public abstract partial class SqlStore : IJobStore
{
    private const string JobCompleted = "job.completed";

    // Rows sent per round trip while a submission streams in.
    private const int InputBatch = 1000;

    private const string SelectJob =
        """
        SELECT id AS Id, kind AS Kind, status AS Status, parameters_json AS ParametersJson, total AS Total, done AS Done,
               failed AS Failed, shard_size AS ShardSize, shard_count AS ShardCount, shards_done AS ShardsDone,
               submitted_by AS SubmittedBy, submitted_at AS SubmittedAt, completed_at AS CompletedAt, result_count AS ResultCount,
               result_digest AS ResultDigest, audit_sequence AS AuditSequence, problem AS Problem
        FROM jobs
        """;

    private static readonly string[] InputColumns = ["JobId", "Position", "Line", "InputKey", "InputJson"];

    public async Task<StoredJob> SubmitJobAsync(JobDocument job, IAsyncEnumerable<JobInput> inputs, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(job.ShardSize);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO jobs (id, kind, status, parameters_json, total, shard_size, shard_count, submitted_by, submitted_at)
            VALUES (@Id, @Kind, 'queued', @ParametersJson, 0, @ShardSize, 0, @Actor, @At)
            """,
            new { job.Id, job.Kind, job.ParametersJson, job.ShardSize, Actor = actor, At = ToColumn(at) }, transaction, cancellationToken: cancellationToken));
        long total = 0;
        await using (var rows = new RowBatch(connection, transaction))
        {
            await foreach (var input in inputs.WithCancellation(cancellationToken))
            {
                await rows.AddAsync(
                    "INSERT INTO job_inputs (job_id, position, line, input_key, input_json) VALUES (@JobId, @Position, @Line, @InputKey, @InputJson)",
                    InputColumns, [job.Id, total, input.Line, input.Key, input.Json], cancellationToken);
                if (++total % InputBatch == 0)
                {
                    await rows.FlushAsync(cancellationToken);
                }
            }
            await rows.FlushAsync(cancellationToken);
        }
        // Keys used twice are found where the rows are, not in memory: the first later use is named. One pass over the job's
        // rows, numbered within each key: a join of the rows with their own grouping was planned (PostgreSQL, statistics that
        // had not seen this job yet) as a nested loop re-grouping every row for each row, quadratic: minutes at 100,000 rows.
        var twice = await connection.QueryFirstOrDefaultAsync<DuplicateRow>(new CommandDefinition(
            """
            SELECT line AS Line, input_key AS InputKey, first_line AS FirstLine
            FROM (SELECT line, input_key, position,
                         MIN(line) OVER (PARTITION BY input_key) AS first_line,
                         ROW_NUMBER() OVER (PARTITION BY input_key ORDER BY position) AS use_number
                  FROM job_inputs WHERE job_id = @Id) numbered
            WHERE use_number > 1
            ORDER BY position
            LIMIT 1
            """,
            new { job.Id }, transaction, cancellationToken: cancellationToken));
        if (twice is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new JobInputRejectedException(twice.Line, $"id '{twice.InputKey}' is used again (first on line {twice.FirstLine})");
        }
        var shards = (int)((total + job.ShardSize - 1) / job.ShardSize);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET total = @Total, shard_count = @Shards WHERE id = @Id",
            new { job.Id, Total = total, Shards = shards }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (await GetJobAsync(job.Id, cancellationToken))!;
    }

    public async Task<StoredJob?> GetJobAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition($"{SelectJob} WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : ToJob(row);
    }

    public async Task<IReadOnlyList<StoredJob>> GetJobsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"{SelectJob} ORDER BY submitted_at DESC, id DESC LIMIT @Limit", new { Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(ToJob).ToList();
    }

    public async Task<IReadOnlyList<JobInput>> GetShardInputsAsync(StoredJob job, int shard, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InputRow>(new CommandDefinition(
            """
            SELECT line AS Line, input_key AS InputKey, input_json AS InputJson FROM job_inputs
            WHERE job_id = @Id AND position >= @From AND position < @Until ORDER BY position
            """,
            new { job.Id, From = (long)shard * job.ShardSize, Until = (long)(shard + 1) * job.ShardSize }, cancellationToken: cancellationToken));
        return rows.Select(r => new JobInput(r.Line, r.InputKey, r.InputJson)).ToList();
    }

    public Task<ShardRecording> RecordShardAsync(string jobId, int shard, int inputs, IReadOnlyList<string> results, CancellationToken cancellationToken = default) =>
        RecordShardAsync(jobId, shard, inputs, results, [], "", default, cancellationToken);

    public async Task<ShardRecording> RecordShardAsync(string jobId, int shard, int inputs, IReadOnlyList<string> results, IReadOnlyList<ShardHold> holds, string actor,
        Instant at, CancellationToken cancellationToken = default)
    {
        if (holds.Count == 0)
        {
            // Results alone append no audit record: the job row's lock (or SQLite's single writer) is all it takes.
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var recorded = await RecordShardAsync(connection, transaction, jobId, shard, inputs, results, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return recorded;
        }
        // Encoded before the transaction: malformed JSON is refused before anything is written.
        var decided = holds.Select(h => DeterminationSeal.Encode(h.Determination)).ToList();
        // Holds append audit records: the write lock first, then the job row, the order in which CompleteJobAsync takes them (no deadlock).
        return await WriteAsync((connection, transaction) => RecordShardAsync(connection, transaction, jobId, shard, inputs, results, async () =>
        {
            var last = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            for (var i = 0; i < holds.Count; i++)
            {
                var (determination, hold) = holds[i];
                var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                    "SELECT status FROM orders WHERE order_id = @Id", new { Id = hold.OrderId }, transaction, cancellationToken: cancellationToken));
                if (status != OrderStatus.Open.ToWire())
                {
                    continue;
                }
                var record = await AppendAsync(connection, transaction, AuditChain.AppendEncoded(last, at, actor, AuditPayloads.Determination, decided[i]), cancellationToken);
                await InsertDeterminationAsync(connection, transaction, determination, record, cancellationToken);
                last = await PlaceHoldAsync(connection, transaction, hold, record, actor, at, cancellationToken) ?? record;
            }
        }, cancellationToken), cancellationToken);
    }

    /// <summary>Inside a transaction: the job row first (a cancel waits for this write, or this write sees it), then the results, then the effects if they landed.</summary>
    private static async Task<ShardRecording> RecordShardAsync(DbConnection connection, DbTransaction transaction, string jobId, int shard, int inputs,
        IReadOnlyList<string> results, Func<Task>? effects, CancellationToken cancellationToken)
    {
        var open = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET status = 'running' WHERE id = @Id AND status IN ('queued', 'running')",
            new { Id = jobId }, transaction, cancellationToken: cancellationToken));
        if (open == 0)
        {
            return new ShardRecording(false, false, true);
        }
        var landed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_results (job_id, shard, result_count, results) VALUES (@Id, @Shard, @Count, @Results)
            ON CONFLICT (job_id, shard) DO NOTHING
            """,
            new { Id = jobId, Shard = shard, Count = results.Count, Results = string.Join('\n', results) }, transaction, cancellationToken: cancellationToken)) == 1;
        if (landed)
        {
            if (effects is not null)
            {
                await effects();
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE jobs SET done = done + @Inputs, shards_done = shards_done + 1 WHERE id = @Id",
                new { Id = jobId, Inputs = inputs }, transaction, cancellationToken: cancellationToken));
        }
        var progress = await connection.QuerySingleAsync<ProgressRow>(new CommandDefinition(
            "SELECT shards_done AS ShardsDone, shard_count AS ShardCount FROM jobs WHERE id = @Id", new { Id = jobId }, transaction, cancellationToken: cancellationToken));
        return new ShardRecording(landed, progress.ShardsDone == progress.ShardCount, false);
    }

    public async Task<StoredJob?> CompleteJobAsync(string jobId, long resultCount, string resultDigest, string actor, Instant at, CancellationToken cancellationToken = default)
    {
        var completed = await WriteAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
                $"{SelectJob} WHERE id = @Id", new { Id = jobId }, transaction, cancellationToken: cancellationToken));
            if (row is null || JobStatus.HasEnded(row.Status) || row.ShardsDone != row.ShardCount)
            {
                return false;
            }
            var previous = await ReadHeadRecordAsync(connection, transaction, cancellationToken);
            var record = await AppendAsync(connection, transaction, previous, new AuditEntry(at, actor, JobCompleted, JobSeal(row.Id, row.Kind, row.ParametersJson, row.Total, resultCount, resultDigest)), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE jobs SET status = 'completed', completed_at = @At, result_count = @Count, result_digest = @Digest, audit_sequence = @Sequence
                WHERE id = @Id
                """,
                new { Id = jobId, At = ToColumn(record.At), Count = resultCount, Digest = resultDigest, record.Sequence }, transaction, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);
        return completed ? await GetJobAsync(jobId, cancellationToken) : null;
    }

    /// <summary>What a job's audit record seals: <c>{"job", "kind", "parameters", "inputs", "results", "resultDigest"}</c>.</summary>
    private static JsonObject JobSeal(string id, string kind, string parametersJson, long inputs, long results, string digest) => new()
    {
        ["job"] = id,
        ["kind"] = kind,
        ["parameters"] = JsonNode.Parse(parametersJson),
        ["inputs"] = inputs,
        ["results"] = results,
        ["resultDigest"] = digest,
    };

    public Task<bool> FailJobAsync(string jobId, long failedInputs, string problem, Instant at, CancellationToken cancellationToken = default) =>
        EndJobAsync(jobId, JobStatus.Failed, failedInputs, problem, at, cancellationToken);

    public Task<bool> CancelJobAsync(string jobId, Instant at, CancellationToken cancellationToken = default) =>
        EndJobAsync(jobId, JobStatus.Cancelled, 0, null, at, cancellationToken);

    private async Task<bool> EndJobAsync(string jobId, string status, long failedInputs, string? problem, Instant at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET status = @Status, failed = failed + @Failed, problem = @Problem, completed_at = @At
            WHERE id = @Id AND status IN ('queued', 'running')
            """,
            new { Id = jobId, Status = status, Failed = failedInputs, Problem = problem, At = ToColumn(at) }, transaction, cancellationToken: cancellationToken)) == 1;
        if (ended)
        {
            // A job that did not complete keeps no results: none of them may pass for a finished job's.
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM job_results WHERE job_id = @Id", new { Id = jobId }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    public async IAsyncEnumerable<string> ReadJobResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await foreach (var line in ReadResultsAsync(connection, jobId, cancellationToken))
        {
            yield return line;
        }
    }

    private static async IAsyncEnumerable<string> ReadResultsAsync(DbConnection connection, string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<ResultRow>(
            "SELECT result_count AS ResultCount, results AS Results FROM job_results WHERE job_id = @Id ORDER BY shard", new { Id = jobId });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.ResultCount == 0)
            {
                continue;
            }
            foreach (var line in row.Results.Split('\n'))
            {
                yield return line;
            }
        }
    }

    public async Task<JobVerification> VerifyJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var jobs = (await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"{SelectJob} WHERE status = 'completed' ORDER BY submitted_at, id", cancellationToken: cancellationToken))).ToList();
        var verified = 0L;
        foreach (var job in jobs)
        {
            var seal = job.AuditSequence is { } sequence
                ? await connection.QuerySingleOrDefaultAsync<AuditRow>(new CommandDefinition($"{SelectAudit} WHERE sequence = @Sequence", new { Sequence = sequence }, cancellationToken: cancellationToken))
                : null;
            if (seal is null || seal.Kind != JobCompleted || JsonNode.Parse(seal.Payload) is not JsonObject sealed_ || (string?)sealed_["job"] != job.Id)
            {
                return new JobVerification(verified, job.Id, $"job {job.Id} is completed but no audit record seals it: forged?");
            }
            var root = new MerkleRoot();
            await foreach (var line in ReadResultsAsync(connection, job.Id, cancellationToken))
            {
                root.Add(line);
            }
            var digest = root.Root();
            if ((string?)sealed_["resultDigest"] != digest || (long?)sealed_["results"] != root.Count)
            {
                return new JobVerification(verified, job.Id,
                    $"the stored results of job {job.Id} ({root.Count}, digest {digest}) no longer match record {seal.Sequence}, which sealed {sealed_["results"]} with digest {sealed_["resultDigest"]}: edited?");
            }
            if (job.ResultDigest != digest || job.ResultCount != root.Count)
            {
                return new JobVerification(verified, job.Id, $"job {job.Id} shows digest {job.ResultDigest}, but record {seal.Sequence} sealed {digest}: edited?");
            }
            verified++;
        }
        return new JobVerification(verified, null, null);
    }

    private StoredJob ToJob(JobRow r) => new(
        r.Id, r.Kind, r.Status, r.ParametersJson, r.Total, r.Done, r.Failed, (int)r.ShardSize, (int)r.ShardCount, (int)r.ShardsDone, r.SubmittedBy,
        ToInstant(r.SubmittedAt), r.CompletedAt is { } completed ? ToInstant(completed) : null, r.ResultCount, r.ResultDigest, r.AuditSequence, r.Problem);

    private sealed class JobRow
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public string ParametersJson { get; set; } = "";
        public long Total { get; set; }
        public long Done { get; set; }
        public long Failed { get; set; }
        public long ShardSize { get; set; }
        public long ShardCount { get; set; }
        public long ShardsDone { get; set; }
        public string SubmittedBy { get; set; } = "";
        public object SubmittedAt { get; set; } = null!;
        public object? CompletedAt { get; set; }
        public long? ResultCount { get; set; }
        public string? ResultDigest { get; set; }
        public long? AuditSequence { get; set; }
        public string? Problem { get; set; }
    }

    private sealed class InputRow
    {
        public long Line { get; set; }
        public string InputKey { get; set; } = "";
        public string InputJson { get; set; } = "";
    }

    private sealed class ResultRow
    {
        public long ResultCount { get; set; }
        public string Results { get; set; } = "";
    }

    private sealed class ProgressRow
    {
        public long ShardsDone { get; set; }
        public long ShardCount { get; set; }
    }

    private sealed class DuplicateRow
    {
        public long Line { get; set; }
        public string InputKey { get; set; } = "";
        public long FirstLine { get; set; }
    }
}
