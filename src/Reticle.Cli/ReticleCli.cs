using System.CommandLine;
using Reticle.Cli.Commands;
using Reticle.Cli.Hosting;
using Reticle.Service;

namespace Reticle.Cli;

/// <summary>
/// The command tree and its error policy: parse errors are usage errors (2), rejected input is 1 with
/// every problem on stderr, anything unexpected is an internal failure (3). Parsing is separate from
/// running, so tests drive the same code with their own writers and clock.
/// </summary>
internal static class ReticleCli
{
    public static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand("Reticle: export-control determinations for semiconductor equipment, with reasons a regulator can audit. Sample content, not legal advice.")
        {
            CheckCommand.Create(env),
            PacksCommand.Create(env),
            AuditCommand.Create(env),
            ListsCommand.Create(env),
            OwnersCommand.Create(env),
            ScreenCommand.Create(env),
            LicensesCommand.Create(env),
            OrdersCommand.Create(env),
            ImpactCommand.Create(env),
            WhatIfCommand.Create(env),
            HoldsCommand.Create(env),
            KeysCommand.Create(env),
            ServeCommand.Create(env),
            WorkerCommand.Create(env),
            JobsCommand.Create(env),
        };
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Postgres);
        root.Options.Add(GlobalOptions.Json);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        var parse = Build(env).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await env.Error.WriteLineAsync($"reticle: {error.Message}");
            }
            await env.Error.WriteLineAsync("Run 'reticle --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException usage)
        {
            await env.Error.WriteLineAsync($"reticle: {usage.Message}");
            await env.Error.WriteLineAsync("Run 'reticle --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (RefusedException refused)
        {
            return await Refusals.WriteAsync(env, refused.Refusal);
        }
        catch (OperationCanceledException)
        {
            await env.Error.WriteLineAsync("reticle: cancelled");
            return ExitCodes.InternalFailure;
        }
        catch (Exception e)
        {
            await env.Error.WriteLineAsync($"reticle: internal failure: {e.Message}");
            if (env.Variable("RETICLE_DEBUG") is { Length: > 0 })
            {
                await env.Error.WriteLineAsync(e.ToString());
            }
            return ExitCodes.InternalFailure;
        }
    }
}
