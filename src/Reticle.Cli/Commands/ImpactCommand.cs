using System.CommandLine;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Store;
using Reticle.Time;
using Reticle.Service;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle impact --known-at A --vs B</c> (or <c>--since A</c>, against today): every open order decided
/// at its own date with what was known at A and at B; the orders whose outcome changes, and why (CONTRACT §6).
/// </summary>
internal static class ImpactCommand
{
    private static readonly Option<LocalDate?> KnownAt = DateOption.Create("--known-at", "The earlier state of knowledge: rules published, licence events announced and lists imported by this date");
    private static readonly Option<LocalDate?> Vs = DateOption.Create("--vs", "The later state of knowledge to compare with");
    private static readonly Option<LocalDate?> Since = DateOption.Create("--since", "Shorthand for --known-at DATE --vs today");

    /// <summary>List the orders that moved only between not-applicable and permitted too (CONTRACT §6).</summary>
    public static readonly Option<bool> All = new("--all") { Description = "Also list orders whose only movement is a jurisdiction between not-applicable and permitted" };

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("impact", "Re-evaluate every open order with what was known at two dates; report the orders whose outcome changes and why")
        {
            KnownAt, Vs, Since, All,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var since = parse.GetValue(Since);
        var knownAt = parse.GetValue(KnownAt);
        var vs = parse.GetValue(Vs);
        if (since is not null && (knownAt is not null || vs is not null))
        {
            throw new UsageException("--since excludes --known-at and --vs");
        }
        if (since is null && (knownAt is null || vs is null))
        {
            throw new UsageException("give --known-at DATE and --vs DATE, or --since DATE");
        }

        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var a = since ?? knownAt!.Value;
        var b = since is null ? vs!.Value : workspace.Today;
        var run = await ImpactRun.StartAsync(workspace, a, b, new ImpactOptions(parse.GetValue(All)), cancellationToken);

        if (parse.GetValue(GlobalOptions.Json))
        {
            await run.WriteJsonAsync(env.Out, JsonOutput.Options, cancellationToken);
            return ExitCodes.Success;
        }
        // The changes as they are found, the counts after them: a rule day can change a quarter of a large book.
        env.Out.WriteLine($"impact: known at {EffectivePeriod.Format(run.KnownAt)} vs {EffectivePeriod.Format(run.Vs)}");
        var listed = await ImpactText.WriteChangesAsync(env.Out, run.Changes, cancellationToken);
        env.Out.WriteLine();
        ImpactText.WriteSummary(env.Out, run.Summary, listed ? "listed above" : null);
        return ExitCodes.Success;
    }
}
