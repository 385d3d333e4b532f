using System.CommandLine;
using System.Text.Json.Nodes;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Screening.Import;
using Reticle.Store;
using Reticle.Time;
using Spectre.Console;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle lists</c> (the list snapshots held) and <c>reticle lists import FILE... --format F</c>.</summary>
internal static class ListsCommand
{
    private static readonly Argument<string[]> Files = new("files")
    {
        Description = "List files; for ofac-csv, the files of one set together (sdn.csv with alt.csv, add.csv, sdn_comments.csv)",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Format = new("--format")
    {
        Description = $"The files' format: {string.Join(", ", ListFormat.All.Select(f => f.Id))}",
        Required = true,
    };

    private static readonly Option<bool> All = new("--all") { Description = "Every snapshot held, not only those in use" };

    public static Command Create(CliEnvironment env)
    {
        var import = new Command("import", "Import list snapshots, each file (or OFAC file set) all or nothing; prints what changed") { Files, Format };
        import.SetAction((parse, cancellationToken) => ImportAsync(parse, env, cancellationToken));
        var lists = new Command("lists", "The restricted-party list snapshots in use: entry counts, snapshot dates, content hashes") { import, All };
        lists.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return lists;
    }

    private static async Task<int> ImportAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var format = parse.GetValue(Format)!;
        var paths = parse.GetValue(Files)!;
        // A file set is one import; otherwise each file is its own import, all or nothing on its own.
        var imports = ListFormat.Find(format) is { TakesFileSet: true } ? [paths] : paths.Select(p => new[] { p }).ToArray();
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var results = new List<(string[] Files, ListImports.Result Result)>();
        var rejected = new List<Input.InputError>();
        foreach (var set in imports)
        {
            try
            {
                var files = set.Select(Read).ToList();
                var imported = await ListImports.ImportAsync(workspace.Store, format, files, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
                if (imported.Refusal is { } refusal)
                {
                    rejected.AddRange(refusal.Problems);
                    continue;
                }
                var result = imported.Value!;
                results.Add((set, result));
                if (!parse.GetValue(GlobalOptions.Json))
                {
                    env.Out.WriteLine(result.Stored is null
                        ? $"{result.Snapshot.Dataset}: identical files already imported; nothing changed ({string.Join(", ", set)})"
                        : $"{result.Delta.Summary} ({string.Join(", ", set)})");
                }
            }
            catch (RefusedException e)
            {
                // A file that cannot be read is refused alone: each file (or file set) is all or nothing on its own.
                rejected.AddRange(e.Refusal.Problems);
            }
        }
        // Every party of the open orders is screened again against what was just imported (a job: on PostgreSQL the workers do it).
        var rescreening = await JobsCommand.RescreenAsync(workspace, env, results.Select(r => r.Result), cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(new JsonArray([.. results.Select(r => (JsonNode?)ListsJson.Imported(r.Files, r.Result, rescreening))]).ToJsonString(JsonOutput.Options));
        }
        return rejected.Count == 0 ? ExitCodes.Success : throw new RefusedException(Refusal.Invalid(rejected));
    }

    private static ListFile Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > ListImporter.MaxFileBytes)
            {
                throw RefusedException.Invalid(path, $"the file is {info.Length:N0} bytes; list files above {ListImporter.MaxFileBytes:N0} bytes are refused");
            }
            return new ListFile(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw RefusedException.Invalid(path, $"cannot read the file ({e.Message})");
        }
    }

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var held = await workspace.Store.GetListSnapshotsAsync(cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(ListsJson.Snapshots(held, parse.GetValue(All)).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var inUse = ListSnapshots.InUse(held).Select(s => s.Id).ToHashSet();
        var shown = held.Where(s => parse.GetValue(All) || inUse.Contains(s.Id)).OrderBy(s => s.Dataset, StringComparer.Ordinal).ThenBy(s => s.Id).ToList();
        var table = new Table().AddColumns("dataset", "format", "published", "entries", "imported", "sha256", "in use");
        foreach (var s in shown)
        {
            table.AddRow(s.Dataset, s.Format, s.Published is { } p ? EffectivePeriod.Format(p) : "-", s.EntryCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                s.ImportedAt.ToString("uuuu-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture), s.Sha256[..12], inUse.Contains(s.Id) ? "yes" : "no");
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }
}
