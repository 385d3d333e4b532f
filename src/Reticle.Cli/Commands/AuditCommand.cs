using System.CommandLine;
using System.Text.Json.Nodes;
using Reticle.Audit;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle audit verify</c>: recompute the hash chain and name the first record that breaks it.</summary>
internal static class AuditCommand
{
    public static Command Create(CliEnvironment env)
    {
        var verify = new Command("verify", "Verify the tamper-evident audit chain; exits 1 and names the first bad record if it is broken");
        verify.SetAction((parse, cancellationToken) => VerifyAsync(parse, env, cancellationToken));
        return new Command("audit", "The append-only, hash-chained audit log") { verify };
    }

    private static async Task<int> VerifyAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var result = await workspace.Store.VerifyAuditAsync(cancellationToken);
        var head = await workspace.Store.ReadAuditHeadAsync(cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(new JsonObject
            {
                ["intact"] = result.IsIntact,
                ["recordsVerified"] = result.RecordsVerified,
                ["determinationsVerified"] = result.DeterminationsVerified,
                ["firstBadRecord"] = result.FirstBadSequence,
                ["problem"] = result.Problem,
            }.ToJsonString(JsonOutput.Options));
        }
        else if (result.IsIntact)
        {
            env.Out.WriteLine($"audit chain intact: {result.RecordsVerified} record(s), head {head?.Hash ?? AuditChain.Genesis}; "
                + $"{result.DeterminationsVerified} stored determination(s) match their seals");
        }
        if (!result.IsIntact)
        {
            env.Error.WriteLine($"audit chain BROKEN at record {result.FirstBadSequence}: {result.Problem} ({result.RecordsVerified} record(s) before it verified)");
            return ExitCodes.Rejected;
        }
        return ExitCodes.Success;
    }
}
