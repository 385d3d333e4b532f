using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Service;
using Reticle.Service.Access;
using Reticle.Service.Wire;
using Reticle.Store;
using Spectre.Console;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle keys create --name NAME --role R</c>: a new API key, printed once (the last line of stdout); only its SHA-256
/// is stored. <c>reticle keys</c> lists them; <c>reticle keys revoke NAME</c> revokes one for good.
/// </summary>
internal static class KeysCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "Who or what uses the key; audit records name it as api:NAME", Required = true };

    private static readonly Option<string> RoleOption = new("--role") { Description = "viewer, analyst, reviewer or admin (each includes the ones before)", Required = true };

    public static Command Create(CliEnvironment env)
    {
        var create = new Command("create", "Create an API key; the key alone is the last line on stdout (it is not stored, only its SHA-256)") { Name, RoleOption };
        create.SetAction((parse, cancellationToken) => CreateAsync(parse, env, cancellationToken));
        var revoke = new Command("revoke", "Revoke an API key: every server refuses it (401) within seconds; the revocation is an audit record") { RevokedName };
        revoke.SetAction((parse, cancellationToken) => RevokeAsync(parse, env, cancellationToken));
        var keys = new Command("keys", "API keys for reticle serve: name, role, created, last used, revoked (never the key)") { create, revoke };
        keys.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return keys;
    }

    private static readonly Argument<string> RevokedName = new("NAME") { Description = "The name the key was created with" };

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var keys = await workspace.Store.GetApiKeysAsync(cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(ApiKeysJson.List(keys).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("name", "role", "created", "last used", "revoked");
        foreach (var k in keys)
        {
            table.AddRow(Markup.Escape(k.Name), k.Role, Format(k.CreatedAt), Format(k.LastUsedAt), Format(k.RevokedAt));
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }

    private static string Format(Instant? at) => at is { } instant ? InstantPattern.General.Format(instant) : "-";

    private static async Task<int> RevokeAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var name = parse.GetValue(RevokedName)!;
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        try
        {
            var record = await workspace.Store.RevokeApiKeyAsync(name, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
            await env.Out.WriteLineAsync($"revoked API key '{name}' (audit record {record.Sequence}); servers refuse it within {ApiKeys.RecheckAfter.TotalSeconds:0} s");
        }
        catch (ApiKeyRejectedException e)
        {
            throw new RefusedException(e.IsUnknown ? Refusal.NotFound("NAME", e.Message) : Refusal.Conflict("NAME", e.Message));
        }
        return ExitCodes.Success;
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
