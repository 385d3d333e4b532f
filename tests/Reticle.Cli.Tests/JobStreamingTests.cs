using System.Runtime.CompilerServices;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Service;
using Reticle.Service.Jobs;
using Reticle.Store;
using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary>
/// What a job holds in memory does not grow with the job: a submission over the open orders reads them one at a time, and
/// the message that starts a job fans it out a batch of shards at a time, however many shards it has.
/// </summary>
public sealed class JobStreamingTests
{
    [Fact]
    public async Task Submitting_over_the_open_orders_holds_one_order_at_a_time()
    {
        var run = new CliRun();
        var added = await run.RunAsync("orders", "add", Write(run, "orders.jsonl", Lines([.. Enumerable.Range(0, 3_000).Select(i => Shipment($"SO-{i:D5}", "2024-01-02"))])));
        added.ExitCode.ShouldBe(0, added.Error);
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Null, () => TextReader.Null, new FixedClock(Instant.FromUtc(2026, 11, 25, 12, 0)),
            name => name == "RETICLE_DATA" ? run.DataDirectory : name == "RETICLE_CONTENT" ? Path.Combine(Repository.Root, "content") : null);
        await using var workspace = await Workspace.OpenAsync(env.Workspace(null, null), CancellationToken.None);

        // Each order's stored text is let go once the next is read: a submission that first read the whole book keeps every one alive.
        var seen = new List<WeakReference<string>>();
        var alive = -1;
        await foreach (var input in JobSubmission.OpenOrders(workspace, CancellationToken.None))
        {
            seen.Add(new WeakReference<string>(input.Json));
            if (seen.Count == 2_500)
            {
                alive = CountAlive(seen);
            }
        }

        seen.Count.ShouldBe(3_000);
        alive.ShouldBeLessThan(100);
    }

    [Fact]
    public async Task Starting_a_job_of_many_shards_queues_one_batch_and_the_rest_as_another_start()
    {
        var runner = new OneJob(JobHandlers.ShardsPerFanOut * 2 + 7);

        var first = await JobHandlers.Handle(new StartJob(runner.Job.Id), runner, CancellationToken.None);
        var second = await JobHandlers.Handle((StartJob)first[^1], runner, CancellationToken.None);
        var third = await JobHandlers.Handle((StartJob)second[^1], runner, CancellationToken.None);

        first.Count.ShouldBe(JobHandlers.ShardsPerFanOut + 1);
        first[^1].ShouldBe(new StartJob(runner.Job.Id, JobHandlers.ShardsPerFanOut));
        second[^1].ShouldBe(new StartJob(runner.Job.Id, JobHandlers.ShardsPerFanOut * 2));
        third.ShouldAllBe(m => m is RunShard);
        // Every shard exactly once, in order, over the three messages.
        first.Concat(second).Concat(third).OfType<RunShard>().Select(m => m.Shard).ShouldBe(Enumerable.Range(0, runner.Job.ShardCount));
        runner.Completed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_job_without_inputs_completes_when_started()
    {
        var runner = new OneJob(0);

        (await JobHandlers.Handle(new StartJob(runner.Job.Id), runner, CancellationToken.None)).ShouldBeEmpty();

        runner.Completed.ShouldBeTrue();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CountAlive(List<WeakReference<string>> seen)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return seen.Count(w => w.TryGetTarget(out _));
    }

    private sealed class OneJob(int shards) : IShardRunner
    {
        public StoredJob Job { get; } = new("job_01M937CZTV53J7DQP9HHNNRV68", "screening", "queued", "{}", shards * 10L, 0, 0, 10, shards, 0,
            "tester", Instant.FromUtc(2026, 12, 5, 10, 0), null, null, null, null, null);

        public bool Completed { get; private set; }

        public Task<StoredJob?> GetJobAsync(string jobId, CancellationToken cancellationToken) => Task.FromResult<StoredJob?>(jobId == Job.Id ? Job : null);

        public Task RunShardAsync(string jobId, int shard, CancellationToken cancellationToken) => throw new InvalidOperationException("not run here");

        public Task FailAsync(string jobId, int? shard, Exception failure, int attempts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("nothing fails here");

        public Task CompleteAsync(string jobId, CancellationToken cancellationToken)
        {
            Completed = true;
            return Task.CompletedTask;
        }
    }
}
