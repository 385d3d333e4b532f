using Microsoft.Extensions.Hosting;
using Reticle.Service;
using Reticle.Service.Jobs;
using Reticle.Store;

namespace Reticle.Cli.Api;

/// <summary>
/// Where the API's job submissions go. SQLite: the server is the calling process, so a job runs here, in the background
/// (the request answers as soon as the job and its inputs are stored). PostgreSQL: on the job engine's queue, through this
/// node's own engine when it is a worker (<c>serve</c>), or through a submit-only engine started at the first submission
/// (<c>serve --no-worker</c>, and the in-process tests).
/// </summary>
internal sealed class ApiJobs(Workspace workspace) : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly List<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private IJobQueue? _queue;
    private IHost? _engine;

    /// <summary>Set when this node is a worker: its engine's queue.</summary>
    public IJobQueue? WorkerQueue { get; set; }

    public async Task<IJobQueue> QueueAsync(CancellationToken cancellationToken)
    {
        if (WorkerQueue is { } worker)
        {
            return worker;
        }
        if (_queue is { } queue)
        {
            return queue;
        }
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (workspace.Options.Store.Postgres is { Length: > 0 })
            {
                _engine = await JobEngine.StartAsync(workspace, work: false, cancellationToken);
                _queue = JobEngine.QueueFor(workspace, _engine);
            }
            else
            {
                _queue = new Background(this, new InProcessJobQueue(new JobRunner(workspace)));
            }
            return _queue;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        if (_engine is not null)
        {
            await _engine.StopAsync(CancellationToken.None);
            _engine.Dispose();
        }
        _stopping.Dispose();
        _starting.Dispose();
    }

    /// <summary>
    /// Stops this process's own run of a job (SQLite: the job runs here) before it is cancelled in the store. Without it a
    /// cancellation waits for the database's write lock behind the run's shard transactions, and may find the job already
    /// completed when it gets it. A worker's run on PostgreSQL sees the cancellation at its next shard instead.
    /// </summary>
    public async Task StopRunHereAsync(string jobId)
    {
        Task? run;
        lock (_running)
        {
            run = _runs.TryGetValue(jobId, out var here) ? here.Run : null;
            if (run is not null)
            {
                _runs[jobId].Stop.Cancel();
            }
        }
        if (run is not null)
        {
            await run.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Run)> _runs = new(StringComparer.Ordinal);

    /// <summary>Runs a job after the request that submitted it has been answered; a server stopping, or the job's cancellation, stops it.</summary>
    private sealed class Background(ApiJobs owner, IJobQueue inner) : IJobQueue
    {
        public Task EnqueueAsync(StoredJob job, CancellationToken cancellationToken)
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(owner._stopping.Token);
            lock (owner._running)
            {
                var task = Task.Run(async () =>
                {
                    try
                    {
                        await inner.EnqueueAsync(job, stop.Token);
                    }
                    finally
                    {
                        lock (owner._running)
                        {
                            owner._runs.Remove(job.Id);
                        }
                        stop.Dispose();
                    }
                }, CancellationToken.None);
                owner._running.RemoveAll(t => t.IsCompleted);
                owner._running.Add(task);
                if (!task.IsCompleted)
                {
                    owner._runs[job.Id] = (stop, task);
                }
            }
            return Task.CompletedTask;
        }
    }
}
