using System.CommandLine;
using System.Text.Json.Nodes;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Store;
using Spectre.Console;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle holds</c> (orders stopped by a determination that is neither permitted nor licensed) and
/// <c>holds release ID --reason-code C --text T</c>, by someone other than the requester (four eyes).
/// </summary>
internal static class HoldsCommand
{
    private static readonly Argument<long> Id = new("id") { Description = "The hold id (see reticle holds)" };
    private static readonly Option<string> ReasonCode = new("--reason-code") { Description = "Why it may go, as a code (e.g. licence-outside-system, screening-cleared)", Required = true };
    private static readonly Option<string> Text = new("--text") { Description = "The reviewer's explanation", Required = true };

    public static Command Create(CliEnvironment env)
    {
        var release = new Command("release", "Release a hold; the reviewer (RETICLE_ACTOR) must not be who requested the determination") { Id, ReasonCode, Text };
        release.SetAction((parse, cancellationToken) => ReleaseAsync(parse, env, cancellationToken));
        var holds = new Command("holds", "Holds on orders: held, released (and whether the release still stands), lapsed") { release };
        holds.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return holds;
    }

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var holds = await workspace.Store.GetHoldsAsync(null, cancellationToken);
        var current = holds.Any(h => h.Status == "released") ? await KnowledgeFingerprint.CurrentAsync(workspace, cancellationToken) : null;
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(HoldsJson.List(holds, current).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("id", "order", "status", "outcome", "reason", "requested by", "released by");
        foreach (var h in holds)
        {
            var status = HoldsJson.Stands(h, current) == false ? "released (lapses: rules, lists or licences changed)" : h.Status;
            table.AddRow(h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(h.OrderId), status, h.Outcome, Markup.Escape(h.Reason),
                Markup.Escape(h.RequestedBy), Markup.Escape(h.ReleasedBy is null ? "-" : $"{h.ReleasedBy} ({h.ReasonCode}: {h.ReleaseText})"));
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }

    private static async Task<int> ReleaseAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id);
        var code = parse.GetValue(ReasonCode)!;
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var record = (await HoldRelease.ReleaseAsync(workspace, id, code, parse.GetValue(Text)!, ($"hold {id}", "--reason-code", "--text"), env.Actor, env.Clock.GetCurrentInstant(),
            cancellationToken)).OrRefuse();
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(HoldsJson.Released(id, env.Actor, record).ToJsonString(JsonOutput.Options));
        }
        else
        {
            env.Out.WriteLine($"hold {id} released by {env.Actor} ({code.Trim()}); recorded as audit record {record.Sequence}. It lapses if the rules, lists or licences change before the order ships.");
        }
        return ExitCodes.Success;
    }

    private static async Task<Workspace> OpenAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken) =>
        await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
}
