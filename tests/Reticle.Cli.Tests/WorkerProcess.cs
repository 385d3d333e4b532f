using System.Diagnostics;
using System.Text;

namespace Reticle.Cli.Tests;

/// <summary>
/// A real <c>reticle worker</c> process (the built <c>reticle.dll</c> next to the tests) on a PostgreSQL database: killed with
/// SIGKILL as a crash would, or stopped with SIGTERM as an orchestrator would.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <param name="staleAfterSeconds">How soon the others take a silent worker's shards (RETICLE_WORKER_STALE_SECONDS).</param>
    public static WorkerProcess Start(string postgres, string cache, int staleAfterSeconds)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "reticle.dll"), "worker"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["RETICLE_POSTGRES"] = postgres;
        start.Environment["RETICLE_CONTENT"] = Path.Combine(Repository.Root, "content");
        start.Environment["RETICLE_CACHE"] = cache;
        start.Environment["RETICLE_ACTOR"] = "test:worker";
        start.Environment["RETICLE_WORKER_STALE_SECONDS"] = staleAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("RETICLE_DATA");
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("reticle worker did not start"));
    }

    /// <summary>SIGKILL: the process ends at once, holding whatever shards it had.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM, then waits for the process to end.</summary>
    public async Task<bool> TerminateAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            kill.ExitCode.ShouldBe(0);
        }
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
