using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Batch;
using Reticle.Screening.Matching;
using Spectre.Console;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle screen NAME</c> and <c>reticle screen --batch FILE.csv --out FILE</c> (CONTRACT §1, §4).</summary>
internal static class ScreenCommand
{
    private static readonly Argument<string?> Name = new("name") { Description = "The name to screen", Arity = ArgumentArity.ZeroOrOne };

    private static readonly Option<string?> Country = new("--country") { Description = "The party's country (ISO 3166-1 alpha-2): a qualifier, never a filter" };

    private static readonly Option<string?> Type = new("--type") { Description = "entity, individual, vessel or aircraft" };

    private static readonly Option<double?> Threshold = new("--threshold")
    {
        Description = $"Least score of a hit, 0..1 (default {ScreeningIndex.DefaultThreshold:0.00}; {ScreeningIndex.DefaultOfacThreshold:0.00} with --mode ofac)",
    };

    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many hits", DefaultValueFactory = _ => 10 };

    private static readonly Option<string[]> Lists = new("--list") { Description = "Only this list (code: EL, SDN, DPL, UN…); repeatable" };

    private static readonly Option<string> Mode = new("--mode")
    {
        Description = "reticle (explainable aligner, the default) or ofac (reproduces OFAC Sanctions List Search scores)",
        DefaultValueFactory = _ => "reticle",
    };

    private static readonly Option<string?> Batch = new("--batch") { Description = "A CSV of parties: header row; columns id,name, optional country,type" };

    private static readonly Option<string?> Out = new("--out") { Description = "With --batch: X.jsonl (one result per row, in input order) or X.csv (a flat summary)" };

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("screen", "Screen a name (or a CSV batch) against the restricted-party lists held, with the reasons for each hit")
        {
            Name, Country, Type, Threshold, Limit, Lists, Mode, Batch, Out,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var settings = Settings(parse);
        var batch = parse.GetValue(Batch);
        var name = parse.GetValue(Name);
        if ((batch is null) == (name is null))
        {
            throw new UsageException("give either a NAME or --batch FILE.csv");
        }
        if (batch is not null && parse.GetValue(Out) is null)
        {
            throw new UsageException("--batch needs --out FILE.jsonl or --out FILE.csv");
        }
        IReadOnlyList<BatchParty> parties;
        if (batch is not null)
        {
            var errors = new List<InputError>();
            parties = BatchPartyReader.Read(batch, await CheckCommand.ReadFileAsync(batch, cancellationToken), errors);
            if (errors.Count > 0)
            {
                throw new RefusedException(Refusal.Invalid(errors));
            }
        }
        else
        {
            var country = parse.GetValue(Country);
            if (country is not null && !Model.CountryCode.TryParse(country, out _))
            {
                throw RefusedException.Invalid("--country", $"'{country}' is not an ISO 3166-1 alpha-2 country code");
            }
            var typeText = parse.GetValue(Type);
            var type = PartyType.Unknown;
            if (typeText is not null && !PartyTypeNames.TryParse(typeText, out type))
            {
                throw RefusedException.Invalid("--type", $"'{typeText}' is not one of entity, individual, vessel, aircraft");
            }
            parties = [new BatchParty(0, "1", name!, country?.ToUpperInvariant(), type)];
        }

        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var screening = await workspace.LoadScreeningAsync(null, cancellationToken);

        if (batch is null)
        {
            var query = settings.Query(parties[0]);
            var hits = screening.Index.Screen(query);
            // The name's ownership on today's date: a subsidiary of a listed company no name on a list resembles.
            var ownership = (await workspace.LoadOwnershipAsync(null, screening, cancellationToken))?.Find(query.Name, query.Country, workspace.Today) ?? [];
            if (parse.GetValue(GlobalOptions.Json))
            {
                env.Out.WriteLine(ScreeningJson.Result(query, settings.EffectiveThreshold, hits, ownership).ToJsonString(JsonOutput.Options));
            }
            else
            {
                WriteText(env, query, settings.EffectiveThreshold, hits);
                foreach (var finding in ownership)
                {
                    env.Out.WriteLine($"ownership ({finding.Regime.Title}): {finding.Because}");
                }
            }
            return ExitCodes.Success;
        }
        var owners = await workspace.LoadOwnershipAsync(null, screening, cancellationToken);
        return await RunBatchAsync(env, screening.Index, owners, workspace.Today, settings, parties, parse.GetValue(Out)!, cancellationToken);
    }

    private static async Task<int> RunBatchAsync(CliEnvironment env, ScreeningIndex index, Ownership.OwnershipScreen? owners, NodaTime.LocalDate today,
        QuerySettings settings, IReadOnlyList<BatchParty> parties, string output, CancellationToken cancellationToken)
    {
        var csv = output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !output.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("--out must end in .jsonl or .csv");
        }
        var results = new ImmutableArray<ScreeningHit>[parties.Count];
        var done = 0;
        void ScreenAll(Action? tick) => Parallel.For(0, parties.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            results[i] = index.Screen(settings.Query(parties[i]));
            if (Interlocked.Increment(ref done) % 256 == 0)
            {
                tick?.Invoke();
            }
        });
        if (ConsoleOutput.Progress(env) is { } console)
        {
            await console.Progress().StartAsync(context =>
            {
                var task = context.AddTask("screening", maxValue: parties.Count);
                ScreenAll(() => task.Value = Volatile.Read(ref done));
                task.Value = parties.Count;
                return Task.CompletedTask;
            });
        }
        else
        {
            ScreenAll(null);
        }

        // Written to a temporary file first and moved into place: a failure never leaves half a result file.
        var temporary = output + ".partial";
        await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            if (csv)
            {
                await writer.WriteLineAsync("id,name,hits,bestScore,bestList,bestEntryId,bestName,bestMatchedName");
            }
            for (var i = 0; i < parties.Count; i++)
            {
                var p = parties[i];
                var hits = results[i];
                if (csv)
                {
                    var best = hits.IsEmpty ? null : hits[0];
                    await writer.WriteLineAsync(string.Join(",", CsvCell.Of(p.Id), CsvCell.Of(p.Name), hits.Length.ToString(CultureInfo.InvariantCulture),
                        best is null ? "" : best.Score.ToString("0.000", CultureInfo.InvariantCulture), CsvCell.Of(best?.Entry.ListName), CsvCell.Of(best?.Entry.Id),
                        CsvCell.Of(best?.Entry.Name), CsvCell.Of(best?.MatchedName)));
                }
                else
                {
                    // Extension of CONTRACT §1: a row owned 50 % or more by listed parties says so, with its paths.
                    var line = ScreeningJson.Row(p.Id, p.Name, hits, owners?.Find(p.Name, p.Country, today));
                    await writer.WriteLineAsync(line.ToJsonString());
                }
            }
        }
        File.Move(temporary, output, overwrite: true);
        var alerts = results.Count(r => !r.IsEmpty);
        await env.Error.WriteLineAsync($"screened {parties.Count:N0} name(s): {alerts:N0} with hits; results in {output}");
        return ExitCodes.Success;
    }

    private static QuerySettings Settings(ParseResult parse)
    {
        var mode = parse.GetValue(Mode)?.Trim().ToLowerInvariant() switch
        {
            "reticle" => ScoringMode.Reticle,
            "ofac" => ScoringMode.Ofac,
            var other => throw new UsageException($"--mode '{other}' is not one of reticle, ofac"),
        };
        var threshold = parse.GetValue(Threshold);
        if (threshold is < 0 or > 1)
        {
            throw new UsageException("--threshold must be between 0 and 1");
        }
        var limit = parse.GetValue(Limit);
        if (limit < 1)
        {
            throw new UsageException("--limit must be at least 1");
        }
        var lists = parse.GetValue(Lists) is { Length: > 0 } codes ? codes.Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal) : null;
        return new QuerySettings(mode, threshold, limit, lists);
    }

    private sealed record QuerySettings(ScoringMode Mode, double? Threshold, int Limit, IReadOnlySet<string>? Lists)
    {
        public double EffectiveThreshold => Threshold ?? (Mode == ScoringMode.Ofac ? ScreeningIndex.DefaultOfacThreshold : ScreeningIndex.DefaultThreshold);

        public ScreeningQuery Query(BatchParty party) =>
            new(party.Name, party.Country, party.Type, Threshold, Limit, Lists) { Mode = Mode };
    }

    private static void WriteText(CliEnvironment env, ScreeningQuery query, double threshold, ImmutableArray<ScreeningHit> hits)
    {
        env.Out.WriteLine($"{query.Name}{(query.Country is { } c ? $" ({c})" : "")}: {(hits.IsEmpty ? "no hit" : $"{hits.Length} hit(s)")} at threshold {threshold:0.00}");
        foreach (var h in hits)
        {
            env.Out.WriteLine();
            env.Out.WriteLine($"  {h.Score:0.000}  {h.Entry.Name}  [{h.Entry.ListName}; entry {h.Entry.Id}]");
            if (h.MatchedName != h.Entry.Name)
            {
                env.Out.WriteLine($"         matched alias: {h.MatchedName}");
            }
            foreach (var line in h.Explanation)
            {
                env.Out.WriteLine($"         - {line}");
            }
            if (h.Entry.Listing is { } listing)
            {
                env.Out.WriteLine($"         {listing.Summary}");
            }
            if (h.Entry.LicenseRequirement is { } requirement)
            {
                env.Out.WriteLine($"         licence requirement: {requirement}");
            }
            if (h.Entry.LicensePolicy is { } policy)
            {
                env.Out.WriteLine($"         review policy: {policy}");
            }
        }
    }
}
