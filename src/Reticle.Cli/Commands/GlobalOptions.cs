using System.CommandLine;
using Reticle.Cli.Hosting;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary>The options every command takes (CONTRACT §1).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder of the SQLite database and imported lists (env RETICLE_DATA; default: a per-user data folder)",
        Recursive = true,
    };

    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "Use PostgreSQL with this connection string instead of SQLite (env RETICLE_POSTGRES)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable JSON on stdout",
        Recursive = true,
    };

    /// <summary>Opens the workspace the global options name, as every command that touches the store does.</summary>
    public static Task<Workspace> OpenWorkspaceAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken) =>
        Workspace.OpenAsync(env.Workspace(parse.GetValue(Data), parse.GetValue(Postgres)), cancellationToken);
}
