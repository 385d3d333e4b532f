using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Reticle.Cli.Api;
using Reticle.Cli.Hosting;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle serve [--urls URL]</c>: the HTTP API (CONTRACT §7), its OpenAPI document and reference, and the web console.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private static readonly Option<string> Urls = new("--urls")
    {
        Description = $"Where to listen (semicolon-separated; default {DefaultUrls})",
        DefaultValueFactory = _ => DefaultUrls,
    };

    private static readonly Option<bool> NoWorker = new("--no-worker")
    {
        Description = "With --postgres: answer requests and submit jobs, but do not work on them (leave that to 'reticle worker' nodes)",
    };

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("serve",
            "Serve the HTTP API (/api/v1: determinations, screenings, lists, owners, licenses, orders, holds, impact, audit, me, rules; "
            + "OpenAPI at /openapi/v1.json, reference at /docs) and the web console (/). Calls need 'Authorization: Bearer KEY' "
            + "(reticle keys create; roles viewer < analyst < reviewer < admin). Several nodes may share one --postgres database; each also works on queued jobs unless --no-worker.") { Urls, NoWorker };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var options = env.Workspace(parse.GetValue(GlobalOptions.Data), parse.GetValue(GlobalOptions.Postgres));
        await using var app = await ApiHost.BuildAsync(options, parse.GetValue(Urls), null, worker: !parse.GetValue(NoWorker), cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var url in app.Urls)
        {
            await env.Out.WriteLineAsync($"reticle: serving on {url} (API {url}/api/v1, reference {url}/docs, console {url}/)");
        }
        await env.Out.FlushAsync(cancellationToken);
        // Until Ctrl+C (the command's cancellation) or SIGTERM (the host's own lifetime).
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
