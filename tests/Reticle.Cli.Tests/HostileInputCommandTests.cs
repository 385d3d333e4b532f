using System.Text;
using Reticle.Tests.Input;

namespace Reticle.Cli.Tests;

/// <summary>
/// <c>reticle check</c> and <c>orders add</c> fed random and hostile JSON and bytes that are not UTF-8: never exit 3,
/// and a rejection (exit 1) names the file on every line it prints.
/// </summary>
public sealed class HostileInputCommandTests
{
    [Fact]
    public async Task Hostile_files_are_decided_or_refused_naming_the_file_never_an_internal_failure()
    {
        var run = new CliRun();
        // Seed the data folder first, so what the fuzzed commands print is theirs alone.
        (await run.RunAsync("lists")).ExitCode.ShouldBe(0);
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            var text = seed % 3 == 0 ? HostileJson.RandomValue(random, 0) : HostileJson.Mutate(random, HostileJson.Mutate(random, HostileJson.Valid));
            text = text.Replace("\"SO-1\"", $"\"FUZZ-{seed}\"", StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (seed % 5 == 0)
            {
                bytes = [.. bytes.Take(bytes.Length / 2), (byte)0xC3, .. bytes.Skip(bytes.Length / 2)];
            }
            var file = Path.Combine(run.DataDirectory, $"fuzz-{seed}.json");
            await File.WriteAllBytesAsync(file, bytes);

            foreach (var command in new[] { new[] { "check", file }, ["orders", "add", file] })
            {
                var result = await run.RunAsync(command);
                result.ExitCode.ShouldBeOneOf([0, 1], $"{string.Join(' ', command)}: {text}\n{result.Error}");
                if (result.ExitCode == 1)
                {
                    var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(line => line != "reticle: input rejected; nothing was stored.").ToList();
                    lines.ShouldNotBeEmpty(text);
                    lines.ShouldAllBe(line => line.Contains($"fuzz-{seed}.json", StringComparison.Ordinal), $"{text}\n{result.Error}");
                }
            }
        }
    }
}
