using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;
using Wolverine.Transports;

namespace Reticle.Service.Jobs;

/// <summary>
/// The job engine (ADR 0009): Wolverine with its PostgreSQL persistence and transport. Shard messages wait in a durable
/// PostgreSQL queue; a worker takes a few at a time into its durable inbox and a message leaves the inbox only when its
/// handler has finished, so a worker killed mid-shard leaves its messages behind, and the node that runs the durability
/// agent hands them to a live one once the dead node's heartbeat is stale.
/// </summary>
internal static class JobEngine
{
    public const string Queue = "reticle_shards";

    /// <summary>Wolverine's tables live in their own schema, apart from Reticle's.</summary>
    public const string Schema = "reticle_jobs";

    /// <summary>
    /// How long a silent node counts as alive (env <c>RETICLE_WORKER_STALE_SECONDS</c>, default 15). Shorter recovers a
    /// killed worker's shards sooner; too short ejects a live node in a long GC pause (its shards then run twice, harmlessly).
    /// </summary>
    public static TimeSpan StaleNodeTimeout =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("RETICLE_WORKER_STALE_SECONDS"), out var s) && s > 0 ? s : 15);

    /// <summary>
    /// A node that works on jobs (<c>reticle worker</c>, <c>reticle serve</c>) listens to the queue; one that only submits
    /// (the command line, <c>serve --no-worker</c>) runs Wolverine serverless (with its outbox): it writes to the queue and registers no node,
    /// so it never holds the durability agent (the trap of discussion 4469: a node that does not listen to a queue holding
    /// the agent that should recover it).
    /// </summary>
    public static void Configure(WolverineOptions opts, string connectionString, bool work)
    {
        opts.ServiceName = "reticle";
        opts.ApplicationAssembly = typeof(JobEngine).Assembly;
        opts.Discovery.DisableConventionalDiscovery().IncludeType(typeof(JobHandlers));
        opts.UsePostgresqlPersistenceAndTransport(connectionString, Schema);
        // The handlers' adapter code is generated ahead of time (src/Reticle.Service/Internal/Generated), not compiled with
        // Roslyn when a worker starts. RETICLE_JOBS_CODEGEN=FOLDER generates what is missing there instead (docs/jobs.md).
        if (Environment.GetEnvironmentVariable("RETICLE_JOBS_CODEGEN") is { Length: > 0 } folder)
        {
            opts.UseRuntimeCompilation();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
            opts.CodeGeneration.GeneratedCodeOutputPath = folder;
            opts.CodeGeneration.SourceCodeWritingEnabled = true;
        }
        else
        {
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        }
        opts.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
        // A transient failure is retried on the same node after each cooldown, then fails the job naming the shard; anything
        // else fails the job at once (JobRunner catches it). The in-process path follows the same ShardRetryPolicy.
        var retry = ShardRetryPolicy.Default;
        opts.OnException(ShardRetryPolicy.IsTransient, "a transient failure (connection, serialization failure, deadlock, timeout)")
            .RetryWithCooldown([.. retry.Cooldowns])
            .Then.CustomActionIndefinitely(async (runtime, lifecycle, failure) =>
            {
                var runner = runtime.Services.GetRequiredService<IShardRunner>();
                switch (lifecycle.Envelope?.Message)
                {
                    case RunShard run:
                        await runner.FailAsync(run.JobId, run.Shard, failure, retry.Attempts, CancellationToken.None);
                        break;
                    case StartJob start:
                        await runner.FailAsync(start.JobId, null, failure, retry.Attempts, CancellationToken.None);
                        break;
                }
                // The job has failed (or ended some other way): the message is done with, not dead-lettered.
                await lifecycle.CompleteAsync();
            }, "fail the job, naming the shard and the error");
        if (work)
        {
            opts.PublishMessage<StartJob>().ToPostgresqlQueue(Queue);
            opts.PublishMessage<RunShard>().ToPostgresqlQueue(Queue);
            // Back pressure: a node claims a handful of shards at a time, so the queue spreads over every node and a dead
            // node strands few.
            opts.ListenToPostgresqlQueue(Queue)
                .MaximumMessagesToReceive(4)
                .MaximumParallelMessages(2)
                .UseDurableInbox(new BufferingLimits(8, 4));
            var stale = StaleNodeTimeout;
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(1);
            opts.Durability.StaleNodeTimeout = stale;
            opts.Durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.ScheduledJobFirstExecution = TimeSpan.FromMilliseconds(500);
            opts.Durability.CheckAssignmentPeriod = stale;
        }
        else
        {
            // The outbox stays: a message is written to the database before it is sent, owned by "any node", and a
            // worker's durability agent sends it if this process dies before it did.
            opts.Durability.Mode = DurabilityMode.ServerlessWithOutbox;
            opts.PublishMessage<StartJob>().ToPostgresqlQueue(Queue);
            opts.PublishMessage<RunShard>().ToPostgresqlQueue(Queue);
        }
    }

    /// <summary>Adds the engine to a host: its Wolverine runtime and the shard runner its handlers call.</summary>
    public static void AddTo(IHostBuilder host, Workspace workspace, bool work)
    {
        var connectionString = workspace.Options.Store.Postgres ?? throw new InvalidOperationException("the job engine needs PostgreSQL");
        host.ConfigureServices(services => services.AddSingleton<IShardRunner>(new JobRunner(workspace)));
        host.UseWolverine(opts => Configure(opts, connectionString, work));
    }

    /// <summary>A host of its own, for the command line: a worker node, or a submit-only node that stops after queuing.</summary>
    public static async Task<IHost> StartAsync(Workspace workspace, bool work, CancellationToken cancellationToken)
    {
        var builder = new HostBuilder();
        AddTo(builder, workspace, work);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Where a job submitted through <paramref name="workspace"/> goes: this process (SQLite) or the engine's queue.</summary>
    public static IJobQueue QueueFor(Workspace workspace, IHost? engine) =>
        engine is null ? new InProcessJobQueue(new JobRunner(workspace)) : new EngineJobQueue(engine.Services.GetRequiredService<IMessageBus>());
}
