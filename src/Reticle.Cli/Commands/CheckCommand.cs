using System.CommandLine;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Input;
using Reticle.Service;
using Reticle.Service.Wire;

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

    // Read, decide (pure), write: the input is read and checked before the store is opened, the decisions are made from
    // what was loaded once, and each is written as JSON text once, stored, sealed and printed as it is.
    private static async Task<int> RunAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(File)!;
        var text = file == "-" ? await env.In().ReadToEndAsync(cancellationToken) : await ReadFileAsync(file, cancellationToken);
        var errors = new List<InputError>();
        var input = TransactionReader.Read(file == "-" ? "<stdin>" : file, text, errors);
        RefusedException.ThrowIfAny(errors);

        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var basis = await workspace.LoadBasisAsync(parse.GetValue(KnownAt), cancellationToken);
        // Parameters the rules in use cannot test are refused as an unknown field is: they would be dropped silently.
        basis.Rules.Parameters.RejectUnknown(input, errors);
        RefusedException.ThrowIfAny(errors);
        var asOf = parse.GetValue(AsOf);
        var determinations = input.Transactions.Select(t => basis.Decide(t, asOf)).ToList();

        var records = input.Transactions.Zip(determinations, (t, d) => DeterminationRecords.Of(t, d)).ToList();
        var audit = await workspace.Store.RecordDeterminationsAsync(records, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);

        if (parse.GetValue(GlobalOptions.Json))
        {
            // The stored text itself: what the caller reads is what the audit record seals.
            await env.Out.WriteLineAsync(input.IsSingleObject ? records[0].ResultJson : $"[{string.Join(",", records.Select(r => r.ResultJson))}]");
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
                throw RefusedException.Invalid(file, $"file is {info.Length:N0} bytes; the limit is {TransactionReader.MaxBytes:N0}");
            }
            var errors = new List<InputError>();
            var text = Utf8Input.Decode(file, await System.IO.File.ReadAllBytesAsync(file, cancellationToken), errors);
            RefusedException.ThrowIfAny(errors);
            return text!;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw RefusedException.Invalid(file, $"cannot read the file ({e.Message})");
        }
    }
}
