using System.CommandLine;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Store;
using Reticle.Time;
using Reticle.Service;
using Reticle.Service.Wire;

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

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("impact", "Re-evaluate every open order with what was known at two dates; report the orders whose outcome changes and why")
        {
            KnownAt, Vs, Since,
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
        var report = await ImpactRun.RunAsync(workspace, a, b, cancellationToken);

        if (parse.GetValue(GlobalOptions.Json))
        {
            // Written a change at a time: the whole report as one JSON tree took gigabytes for a large book.
            await JsonArrayStream.WriteObjectAsync(env.Out, ImpactJson.Summary(report), "changes", report.Changes, ImpactJson.Change, JsonOutput.Options, cancellationToken);
            return ExitCodes.Success;
        }
        env.Out.WriteLine($"impact: known at {EffectivePeriod.Format(report.KnownAt)} vs {EffectivePeriod.Format(report.Vs)}: {report.Evaluated} open orders evaluated, {report.Changes.Length} changed, {report.Unchanged} unchanged");
        foreach (var change in report.Changes)
        {
            env.Out.WriteLine();
            env.Out.WriteLine($"  {change.After.Transaction} on {EffectivePeriod.Format(change.After.AsOf)}: {change.Before.Outcome.ToWire()} → {change.After.Outcome.ToWire()}");
            foreach (var j in change.After.Jurisdictions)
            {
                var was = change.Before.Jurisdictions.FirstOrDefault(x => x.Jurisdiction == j.Jurisdiction)?.Outcome;
                if (was != j.Outcome)
                {
                    env.Out.WriteLine($"    {j.Jurisdiction}: {was?.ToWire() ?? "(no rules)"} → {j.Outcome.ToWire()}");
                }
            }
            foreach (var reason in change.Because)
            {
                env.Out.WriteLine($"    because: {reason}");
            }
        }
        return ExitCodes.Success;
    }
}
