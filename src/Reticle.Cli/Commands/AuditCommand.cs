using System.CommandLine;
using Reticle.Audit;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle audit verify [--anchor FILE]</c>: recompute the hash chain, check every sealed row against its record and
/// every anchor against the chain, and name the first record that breaks it; <c>reticle audit anchor [--out FILE]</c>:
/// the chain's head, to keep outside the database.
/// </summary>
internal static class AuditCommand
{
    private static readonly Option<FileInfo[]> Anchors = new("--anchor")
    {
        Description = "A file of anchors written by 'reticle audit anchor' (one JSON object a line); each must still be in the chain (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<FileInfo?> Out = new("--out")
    {
        Description = "Append the anchor to this file (JSON Lines) as well as printing it",
    };

    public static Command Create(CliEnvironment env)
    {
        var verify = new Command("verify",
            "Verify the tamper-evident audit chain, the rows it seals (determinations, licence events, orders, holds, keys) and any anchors; "
            + "exits 1 and names the first bad record if anything was edited, deleted or reordered") { Anchors };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(parse, env, cancellationToken));
        var anchor = new Command("anchor",
            "Print the chain's head (sequence, hash, time) as one JSON line to keep outside the database; 'audit verify --anchor FILE' "
            + "later proves that nothing up to it was removed or rewritten") { Out };
        anchor.SetAction((parse, cancellationToken) => AnchorAsync(parse, env, cancellationToken));
        return new Command("audit", "The append-only, hash-chained audit log") { verify, anchor };
    }

    private static async Task<int> VerifyAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var anchors = ReadAnchors(parse.GetValue(Anchors) ?? []);
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var result = await workspace.Store.VerifyAuditAsync(anchors, cancellationToken);
        var head = await workspace.Store.ReadAuditHeadAsync(cancellationToken);
        // Completed jobs: their stored results recomputed against the digest their audit record sealed.
        var jobs = result.IsIntact ? await ((Store.IJobStore)workspace.Store).VerifyJobsAsync(cancellationToken) : null;
        if (jobs is { IsIntact: false })
        {
            result = result with { IsIntact = false, Problem = jobs.Problem };
        }
        if (parse.GetValue(GlobalOptions.Json))
        {
            var json = AuditVerificationJson.Of(result, head, anchors.Count);
            json["jobsVerified"] = jobs?.JobsVerified ?? 0;
            env.Out.WriteLine(json.ToJsonString(JsonOutput.Options));
        }
        else if (result.IsIntact)
        {
            env.Out.WriteLine($"audit chain intact: {result.RecordsVerified} record(s), head {head?.Hash ?? AuditChain.Genesis}; "
                + $"{result.DeterminationsVerified} stored determination(s) match their seals; "
                + $"so do {result.SealedRowsVerified} licence event(s), order(s), hold(s) and API key(s); "
                + $"{jobs?.JobsVerified ?? 0} completed job(s) match their sealed result digests"
                + (anchors.Count > 0 ? $"; {anchors.Count} anchor(s) found in the chain" : ""));
        }
        if (!result.IsIntact)
        {
            env.Error.WriteLine($"audit chain BROKEN at record {result.FirstBadSequence}: {result.Problem} ({result.RecordsVerified} record(s) before it verified)");
            return ExitCodes.Rejected;
        }
        return ExitCodes.Success;
    }

    private static async Task<int> AnchorAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        // An anchor is only worth keeping if the chain it commits to is sound.
        var result = await workspace.Store.VerifyAuditAsync(cancellationToken);
        if (!result.IsIntact)
        {
            env.Error.WriteLine($"reticle: not anchoring a broken chain: record {result.FirstBadSequence}: {result.Problem}");
            return ExitCodes.Rejected;
        }
        if (await workspace.Store.ReadAuditHeadAsync(cancellationToken) is not { } head)
        {
            throw RefusedException.Invalid("audit log", "it is empty: there is nothing to anchor");
        }
        var line = new AuditAnchor(head.Sequence, head.Hash, env.Clock.GetCurrentInstant()).ToJsonLine();
        if (parse.GetValue(Out) is { } file)
        {
            await File.AppendAllTextAsync(file.FullName, line + "\n", cancellationToken);
            await env.Error.WriteLineAsync($"reticle: anchored record {head.Sequence} in {file.FullName}; keep that file where the database's writers cannot edit it");
        }
        await env.Out.WriteLineAsync(line);
        return ExitCodes.Success;
    }

    private static List<AuditAnchor> ReadAnchors(IEnumerable<FileInfo> files)
    {
        var anchors = new List<AuditAnchor>();
        var problems = new List<InputError>();
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                problems.Add(new InputError(file.FullName, "no such file"));
                continue;
            }
            var number = 0;
            foreach (var line in File.ReadLines(file.FullName))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                try
                {
                    anchors.Add(AuditAnchor.Parse(line));
                }
                catch (FormatException e)
                {
                    problems.Add(new InputError($"{file.FullName}:{number}", e.Message));
                }
            }
        }
        RefusedException.ThrowIfAny(problems);
        return anchors;
    }
}
