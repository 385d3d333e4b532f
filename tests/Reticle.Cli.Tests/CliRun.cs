using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Service;

namespace Reticle.Cli.Tests;

/// <summary>The result of one run of the command line: exit code and what it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("no JSON on stdout");
}

/// <summary>
/// Runs the real command tree in-process against a real store: a SQLite folder of its own, or a fresh
/// PostgreSQL database when the test asks for one.
/// </summary>
internal sealed class CliRun
{
    private readonly Dictionary<string, string?> _variables;

    public CliRun(string? postgres = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("reticle-cli-").FullName;
        _variables = new Dictionary<string, string?>
        {
            ["RETICLE_DATA"] = postgres is null ? DataDirectory : null,
            ["RETICLE_POSTGRES"] = postgres,
            ["RETICLE_CONTENT"] = Path.Combine(Repository.Root, "content"),
            ["RETICLE_ACTOR"] = "test:alice",
        };
    }

    public string DataDirectory { get; }

    private Instant _now = Instant.FromUtc(2026, 11, 25, 12, 0);

    /// <summary>Runs later commands at another instant (what the store records as imported or recorded then).</summary>
    public CliRun At(Instant now)
    {
        _now = now;
        return this;
    }

    /// <summary>Runs later commands as another actor (RETICLE_ACTOR), as a second person would.</summary>
    public CliRun As(string actor)
    {
        _variables["RETICLE_ACTOR"] = actor;
        return this;
    }

    /// <summary>Sets an environment variable for later commands (e.g. RETICLE_CACHE).</summary>
    public CliRun With(string name, string? value)
    {
        _variables[name] = value;
        return this;
    }

    public string DatabaseFile => Path.Combine(DataDirectory, "reticle.db");

    public async Task<CliResult> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<CliResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(output, error, () => new StringReader(stdin ?? ""),
            new FixedClock(_now), name => _variables.GetValueOrDefault(name));
        var code = await ReticleCli.RunAsync(args, env);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "content", "samples", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reticle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root");
    }
}
