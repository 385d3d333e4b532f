using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Ownership;
using Reticle.Ownership.Import;
using Reticle.Service;
using Reticle.Service.Wire;
using Spectre.Console;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle owners</c> (the ownership snapshots held), <c>reticle owners import FILE --format csv|gleif-rr</c> and
/// <c>reticle owners show NAME</c> (CONTRACT §10).
/// </summary>
internal static class OwnersCommand
{
    /// <summary>Ownership files above this size are refused before they are read (a GLEIF Level 2 Golden Copy is ~100 MB).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    private static readonly Argument<string> File = new("file") { Description = "The ownership file" };

    private static readonly Option<string> Format = new("--format")
    {
        Description = "csv (owner,ownerCountry,owned,ownedCountry,percent,from,until,source) or gleif-rr (GLEIF Level 2 relationship records, Golden Copy CSV)",
        Required = true,
    };

    private static readonly Option<string?> Dataset = new("--dataset")
    {
        Description = "The source these facts are from; its newest import replaces the one before (default: the file's name without extension)",
    };

    private static readonly Option<string?> LeiRecords = new("--lei-records")
    {
        Description = "For gleif-rr: the GLEIF Level 1 LEI records (Golden Copy CSV) that give each LEI's legal name and country",
    };

    private static readonly Argument<string> Name = new("name") { Description = "The party's name" };

    private static readonly Option<string?> Country = new("--country") { Description = "The party's country (ISO 3166-1 alpha-2)" };

    private static readonly Option<LocalDate?> AsOf = DateOption.Create("--as-of", "The date of the act (default: today)");

    private static readonly Option<LocalDate?> KnownAt = DateOption.Create("--known-at", "Use only the lists and ownership facts imported by this date");

    public static Command Create(CliEnvironment env)
    {
        var import = new Command("import", "Import ownership facts, all or nothing; each stake dated and sourced") { File, Format, Dataset, LeiRecords };
        import.SetAction((parse, cancellationToken) => ImportAsync(parse, env, cancellationToken));
        var show = new Command("show", "A party's owners and stakes, and the listed parties it is owned 50 % or more by, with the paths") { Name, Country, AsOf, KnownAt };
        show.SetAction((parse, cancellationToken) => ShowAsync(parse, env, cancellationToken));
        var owners = new Command("owners", "The ownership snapshots held (who owns whom, for the BIS Affiliates rule and OFAC's 50 % rule)") { import, show };
        owners.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return owners;
    }

    private static async Task<int> ImportAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var format = OwnershipFormatNames.Parse(parse.GetValue(Format)!)
            ?? throw new UsageException($"--format '{parse.GetValue(Format)}' is not one of csv, gleif-rr");
        var path = parse.GetValue(File)!;
        var dataset = parse.GetValue(Dataset) ?? Path.GetFileNameWithoutExtension(path);
        if (dataset.Length == 0)
        {
            throw new UsageException("--dataset is empty");
        }
        var leiPath = parse.GetValue(LeiRecords);
        if (leiPath is not null && format != OwnershipFormat.GleifRr)
        {
            throw new UsageException("--lei-records is for --format gleif-rr");
        }
        var content = Read(path);
        var leiRecords = leiPath is null ? null : Read(leiPath);
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var imported = await OwnershipImports.ImportAsync(workspace.Store, format, dataset, path, content, leiPath, leiRecords, env.Actor,
            env.Clock.GetCurrentInstant(), cancellationToken);
        if (imported.Refusal is { } refusal)
        {
            throw new RefusedException(refusal);
        }
        var result = imported.Value!;
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(OwnersJson.Imported(path, result).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        env.Out.WriteLine(result.Stored is null
            ? $"{result.Dataset}: identical file already imported; nothing changed ({path})"
            : $"{result.Dataset}: {result.Stakes.Count:N0} stakes ({result.Added:N0} added, {result.Removed:N0} removed) ({path})");
        foreach (var (type, count) in result.Skipped)
        {
            env.Out.WriteLine($"  {count:N0} {type} row(s) not read as ownership (see docs/ownership.md)");
        }
        return ExitCodes.Success;
    }

    private static byte[] Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw RefusedException.Invalid(path, $"the file is {info.Length:N0} bytes; ownership files above {MaxFileBytes:N0} bytes are refused");
            }
            return System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw RefusedException.Invalid(path, $"cannot read the file ({e.Message})");
        }
    }

    private static async Task<int> ShowAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var country = parse.GetValue(Country);
        if (country is not null && !Model.CountryCode.TryParse(country, out _))
        {
            throw RefusedException.Invalid("--country", $"'{country}' is not an ISO 3166-1 alpha-2 country code");
        }
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var date = parse.GetValue(AsOf) ?? workspace.Today;
        var knownBy = parse.GetValue(KnownAt) is { } knownAt ? Determination.DecisionBasis.ListsKnownBy(knownAt) : (Instant?)null;
        var screening = await workspace.LoadScreeningAsync(knownBy, cancellationToken);
        var ownership = await workspace.LoadOwnershipAsync(knownBy, screening, cancellationToken);
        var picture = OwnershipPicture.Of(ownership, screening.Versions, parse.GetValue(Name)!, country?.ToUpperInvariant(), date);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(OwnersJson.Picture(picture).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        WriteText(env, picture, ownership is null);
        return ExitCodes.Success;
    }

    private static void WriteText(CliEnvironment env, OwnershipPicture p, bool noFacts)
    {
        var when = Time.EffectivePeriod.Format(p.Date);
        if (p.Entity is null)
        {
            env.Out.WriteLine(noFacts
                ? "no ownership facts are held (reticle owners import FILE --format csv|gleif-rr)"
                : $"'{p.Name}'{(p.Country is null ? "" : $" ({p.Country})")}: no owner or holding on record in the ownership facts held");
            return;
        }
        env.Out.WriteLine($"{p.Entity}{(p.EntityCountry is null ? "" : $" ({p.EntityCountry})")} on {when}");
        if (p.Findings.IsEmpty)
        {
            env.Out.WriteLine("  not owned 50 % or more by listed parties on the facts held");
        }
        foreach (var f in p.Findings)
        {
            env.Out.WriteLine($"  {f.Regime.Title}: {f.Because}");
            foreach (var path in f.Paths)
            {
                env.Out.WriteLine("    " + string.Join(" <- ", path.Select(s => $"{OwnershipClosure.Format(s.Percent)} % {s.Owner}{(s.Listing is { } l ? $" [{OwnershipClosure.Listing(l)}]" : "")}")));
            }
            foreach (var missing in f.Missing)
            {
                env.Out.WriteLine($"    missing: {missing}");
            }
        }
        var table = new Table().AddColumns("owner", "country", "percent", "from", "until", "held", "listed", "source");
        foreach (var h in p.Owners)
        {
            table.AddRow(Markup.Escape(h.Other), h.OtherCountry ?? "-", h.Stake.Percent is { } pct ? OwnershipClosure.Format(pct) : "unstated",
                h.Stake.From is { } from ? Time.EffectivePeriod.Format(from) : "-", h.Stake.Until is { } until ? Time.EffectivePeriod.Format(until) : "-",
                h.Held ? "yes" : "no",
                Markup.Escape(h.Listed.IsEmpty ? h.OwnedByListed ? "through ownership" : "-" : string.Join("; ", h.Listed.Select(OwnershipClosure.Listing))),
                Markup.Escape(h.Stake.Source));
        }
        if (p.Owners.Length > 0)
        {
            ConsoleOutput.Write(env, table);
        }
    }

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var held = await workspace.Store.GetOwnershipSnapshotsAsync(cancellationToken);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(OwnersJson.Snapshots(held).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var inUse = held.GroupBy(s => s.Dataset).Select(g => g.MaxBy(s => s.Id)!.Id).ToHashSet();
        var table = new Table().AddColumns("dataset", "format", "stakes", "imported", "sha256", "in use");
        foreach (var s in held)
        {
            table.AddRow(s.Dataset, s.Format, s.StakeCount.ToString("N0", CultureInfo.InvariantCulture),
                s.ImportedAt.ToString("uuuu-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), s.Sha256[..12], inUse.Contains(s.Id) ? "yes" : "no");
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }
}
