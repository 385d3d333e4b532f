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

    /// <summary>Runs a job after the request that submitted it has been answered; a server stopping cancels it.</summary>
    private sealed class Background(ApiJobs owner, IJobQueue inner) : IJobQueue
    {
        public Task EnqueueAsync(StoredJob job, CancellationToken cancellationToken)
        {
            var stopping = owner._stopping.Token;
            var task = Task.Run(() => inner.EnqueueAsync(job, stopping), CancellationToken.None);
            lock (owner._running)
            {
                owner._running.RemoveAll(t => t.IsCompleted);
                owner._running.Add(task);
            }
            return Task.CompletedTask;
        }
    }
}
