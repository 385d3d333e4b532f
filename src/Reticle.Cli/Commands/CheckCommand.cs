using System.CommandLine;
using System.Text.Json.Nodes;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Determination;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Store;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle check FILE|-</c>: determine transactions, record each decision in the audit chain, print the reasons.</summary>
internal static class CheckCommand
{
    private static readonly Argument<string> File = new("file")
    {
        Description = "A transaction (JSON object), many (JSON array or JSON Lines), or - for standard input",
    };

    private static readonly Option<NodaTime.LocalDate?> AsOf =
        DateOption.Create("--as-of", "Decide on this date instead of each transaction's own date");

    private static readonly Option<NodaTime.LocalDate?> KnownAt =
        DateOption.Create("--known-at", "Use only the rules published (and data known) by this date");

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("check", "Determine whether transactions need a licence, per jurisdiction, with reasons and citations")
        {
            File, AsOf, KnownAt,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, env, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(File)!;
        var text = file == "-" ? await env.In().ReadToEndAsync(cancellationToken) : await ReadFileAsync(file, cancellationToken);
        var errors = new List<InputError>();
        var input = TransactionReader.Read(file == "-" ? "<stdin>" : file, text, errors);
        var transactions = input.Transactions;
        if (errors.Count > 0)
        {
            throw new InputRejectedException(errors.Select(e => e.ToString()).ToList());
        }

        var options = StoreOptions.Resolve(parse.GetValue(GlobalOptions.Data), parse.GetValue(GlobalOptions.Postgres), env);
        await using var workspace = await Workspace.OpenAsync(options, env, cancellationToken);
        var knownAt = parse.GetValue(KnownAt);
        var rules = await workspace.LoadRulesAsync(knownAt, cancellationToken);
        rules.Parameters.RejectUnknown(input, errors);
        InputRejectedException.ThrowIfAny(errors);
        var catalog = await workspace.LoadCatalogAsync(cancellationToken);
        var asOf = parse.GetValue(AsOf);

        // What was known on the day: list snapshots imported by its end (UTC), like rules published by it.
        var screening = await workspace.LoadScreeningAsync(knownAt?.PlusDays(1).AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() - NodaTime.Duration.Epsilon, cancellationToken);
        var screen = new PartyScreen(screening.Index, rules.ListsDecided);
        // Every event recorded; the engine counts only those announced by the rule set's knowledge date (--known-at).
        var licenses = await workspace.LoadLicensesAsync(cancellationToken);
        var determinations = transactions
            .Select(t => catalog.Complete(t))
            // With no list known at all (--known-at before any import), parties are unscreened, not screened clean.
            .Select(t => screening.Versions.Count == 0
                ? DeterminationEngine.Determine(rules, t, asOf, null, licenses)
                : DeterminationEngine.DetermineScreened(rules, t, asOf, screen.Screen(t), licenses) with { ListVersions = screening.Versions })
            .ToList();
        var results = determinations.Select(DeterminationJson.ToJson).ToList();
        var records = transactions.Zip(determinations, results).Select(x => new DeterminationRecord(
            x.First.Id, x.Second.AsOf, x.Second.KnownAt, x.Second.Outcome.ToWire(), x.Second.RuleSetHash,
            x.First.SourceJson ?? "{}", x.Third.ToJsonString())).ToList();
        var audit = await workspace.Store.RecordDeterminationsAsync(records, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);

        if (parse.GetValue(GlobalOptions.Json))
        {
            JsonNode output = input.IsSingleObject ? results[0] : new JsonArray(results.ToArray<JsonNode?>());
            await env.Out.WriteLineAsync(output.ToJsonString(JsonOutput.Options));
        }
        else
        {
            for (var i = 0; i < determinations.Count; i++)
            {
                DeterminationText.Write(env.Out, determinations[i], audit[i].Sequence);
            }
        }
        return ExitCodes.Success;
    }

    internal static async Task<string> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length > TransactionReader.MaxBytes)
            {
                throw new InputRejectedException([$"{file}: file is {info.Length:N0} bytes; the limit is {TransactionReader.MaxBytes:N0}"]);
            }
            var errors = new List<InputError>();
            var text = Utf8Input.Decode(file, await System.IO.File.ReadAllBytesAsync(file, cancellationToken), errors);
            InputRejectedException.ThrowIfAny(errors);
            return text!;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new InputRejectedException([$"{file}: cannot read the file ({e.Message})"]);
        }
    }
}
