using System.CommandLine;
using Reticle.Service.Access;
using Reticle.Cli.Hosting;
using Reticle.Store;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle keys create --name NAME --role R</c>: a new API key, printed once (the last line of stdout); only its SHA-256 is stored.</summary>
internal static class KeysCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "Who or what uses the key; audit records name it as api:NAME", Required = true };

    private static readonly Option<string> RoleOption = new("--role") { Description = "viewer, analyst, reviewer or admin (each includes the ones before)", Required = true };

    public static Command Create(CliEnvironment env)
    {
        var create = new Command("create", "Create an API key; the key alone is the last line on stdout (it is not stored, only its SHA-256)") { Name, RoleOption };
        create.SetAction((parse, cancellationToken) => CreateAsync(parse, env, cancellationToken));
        return new Command("keys", "API keys for reticle serve") { create };
    }

    private static async Task<int> CreateAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var name = parse.GetValue(Name)!.Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            throw new UsageException("--name must be 1 to 100 printable characters");
        }
        if (!Roles.TryParse(parse.GetValue(RoleOption), out var role))
        {
            throw new UsageException($"--role must be one of {string.Join(", ", Roles.Names)}");
        }
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var key = ApiKeys.Generate();
        try
        {
            await workspace.Store.AddApiKeyAsync(new ApiKeyDocument(name, role.ToWire(), ApiKeys.Hash(key)), env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
        }
        catch (DuplicateApiKeyException e)
        {
            throw RefusedException.Invalid("--name", e.Message);
        }
        await env.Error.WriteLineAsync($"reticle: created API key '{name}' with role {role.ToWire()}; it is shown once, below (only its SHA-256 is stored)");
        await env.Out.WriteLineAsync(key);
        return ExitCodes.Success;
    }
}
