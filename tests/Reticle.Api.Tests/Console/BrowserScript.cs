using System.Diagnostics;

namespace Reticle.Api.Tests.Console;

/// <summary>
/// Runs one of <c>tests/browser/*.mjs</c> with Node against a running host: Debian's chromium driven by
/// playwright-core. Missing chromium or node_modules is a failure with the command that fixes it, never a skip.
/// </summary>
internal static class BrowserScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string Folder => Path.Combine(Repository.Root, "tests", "browser");

    public static string Screenshots => Path.Combine(Repository.Root, "test-results", "screenshots");

    public static async Task RunAsync(string script, Uri url, string key, string role, IDictionary<string, string>? extra = null)
    {
        var chromium = System.Environment.GetEnvironmentVariable("RETICLE_CHROMIUM") ?? "/usr/bin/chromium";
        File.Exists(chromium).ShouldBeTrue($"{chromium} is missing: install it with 'apt-get install -y chromium' (scripts/test does).");
        Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")).ShouldBeTrue(
            "tests/browser/node_modules is missing: run 'npm ci --prefix tests/browser' (scripts/test does).");

        var start = new ProcessStartInfo("node", [Path.Combine(Folder, script)])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RETICLE_URL"] = url.ToString();
        start.Environment["RETICLE_KEY"] = key;
        start.Environment["RETICLE_ROLE"] = role;
        start.Environment["RETICLE_SCREENSHOTS"] = Screenshots;
        start.Environment["RETICLE_CHROMIUM"] = chromium;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout.TotalSeconds} s; stderr: {await stderr}");
        }
        process.ExitCode.ShouldBe(0, $"{script} failed (screenshots in test-results/screenshots):\n{await stderr}\n{await stdout}");
        (await stdout).ShouldContain($"{Path.GetFileNameWithoutExtension(script)}: ok");
    }
}
