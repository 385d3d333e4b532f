using System.CommandLine;
using System.Runtime.InteropServices;
using Reticle.Cli.Hosting;
using Reticle.Service;
using Reticle.Service.Jobs;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle worker</c> (CONTRACT §8): a node of the job engine that takes shards from the PostgreSQL queue until SIGTERM or
/// SIGINT. Stopping gracefully hands the shards it holds but has not finished back to the queue for the other nodes.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("worker",
            "Work on queued jobs (batch screening, impact, what-if, re-screening) until SIGTERM or SIGINT; needs --postgres. Any number of workers "
            + "may share one database: a worker that dies has its shards taken over (after RETICLE_WORKER_STALE_SECONDS, default 15).");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var options = env.Workspace(parse.GetValue(GlobalOptions.Data), parse.GetValue(GlobalOptions.Postgres));
        if (options.Store.Postgres is not { Length: > 0 })
        {
            throw new UsageException("worker needs --postgres CONNSTR (or RETICLE_POSTGRES): with SQLite a job runs in the process that submits it");
        }
        await using var workspace = await Workspace.OpenAsync(options, cancellationToken);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SIGTERM (an orchestrator stopping the node) ends the worker as SIGINT does: gracefully.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        var host = await JobEngine.StartAsync(workspace, work: true, cancellationToken);
        try
        {
            await env.Error.WriteLineAsync($"reticle: worker started (pid {Environment.ProcessId}); stop with SIGTERM or Ctrl+C");
            await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, CancellationToken.None);
            await env.Error.WriteLineAsync("reticle: worker stopping; unfinished shards go back to the queue");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
        await env.Error.WriteLineAsync("reticle: worker stopped");
        return ExitCodes.Success;
    }
}
