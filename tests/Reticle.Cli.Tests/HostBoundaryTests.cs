using System.Text.RegularExpressions;

namespace Reticle.Cli.Tests;

/// <summary>
/// The command line and the HTTP API are two hosts over one use-case layer (docs/adr/0008): neither uses the other's
/// types, and the layer knows neither.
/// </summary>
public sealed partial class HostBoundaryTests
{
    private static IEnumerable<(string File, string Text)> Sources(params string[] folder) =>
        Directory.EnumerateFiles(Path.Combine([Repository.Root, .. folder]), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Repository.Root, f), File.ReadAllText(f)));

    [GeneratedRegex(@"\bReticle\.Cli\.(Commands|Output|Hosting)\b|\b(CliEnvironment|ExitCodes|UsageException|JsonOutput|ConsoleOutput|DeterminationText|GlobalOptions)\b|\b\w+Command\.")]
    private static partial Regex CommandLineTypes();

    [GeneratedRegex(@"\bReticle\.Cli\.Api\b|\b(ApiState|ApiJson|JsonBody|RequestBody|ApiHost)\b|(?<![.\w])Problems\.")]
    private static partial Regex ApiTypes();

    [Fact]
    public void The_api_uses_no_type_of_the_command_line()
    {
        Sources("src", "Reticle.Cli", "Api").Where(s => CommandLineTypes().IsMatch(s.Text)).Select(s => s.File).ShouldBeEmpty();
    }

    [Fact]
    public void The_commands_use_no_type_of_the_api_except_serve_which_starts_it()
    {
        Sources("src", "Reticle.Cli", "Commands").Concat(Sources("src", "Reticle.Cli", "Output"))
            .Where(s => !s.File.EndsWith("ServeCommand.cs", StringComparison.Ordinal) && ApiTypes().IsMatch(s.Text))
            .Select(s => s.File).ShouldBeEmpty();
    }

    [Fact]
    public void The_use_case_layer_knows_neither_host()
    {
        Sources("src", "Reticle.Service").Where(s => s.Text.Contains("Reticle.Cli", StringComparison.Ordinal)
            || s.Text.Contains("Microsoft.AspNetCore", StringComparison.Ordinal) || s.Text.Contains("System.CommandLine", StringComparison.Ordinal))
            .Select(s => s.File).ShouldBeEmpty();
        var project = File.ReadAllText(Path.Combine(Repository.Root, "src", "Reticle.Service", "Reticle.Service.csproj"));
        project.ShouldNotContain("AspNetCore");
        project.ShouldNotContain("System.CommandLine");
        project.ShouldNotContain("Reticle.Cli/");
    }
}
