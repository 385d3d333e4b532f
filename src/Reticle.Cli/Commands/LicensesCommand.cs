using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Time;
using Spectre.Console;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary>
/// <c>reticle licenses</c> (list), <c>licenses add FILE</c>, <c>licenses show ID</c> and <c>licenses revoke ID</c>:
/// licences kept as events, checked against the stored book before anything is written.
/// </summary>
internal static class LicensesCommand
{
    private static readonly Argument<string> File = new("file") { Description = "Licences (CONTRACT §5): one JSON object or an array of them" };
    private static readonly Argument<string> Id = new("id") { Description = "The licence id" };

    private static readonly Option<LocalDate?> Effective = Required(DateOption.Create("--effective", "The first day the revocation applies to"));
    private static readonly Option<LocalDate?> Announced = DateOption.Create("--announced", "When the revocation became known (default: today)");
    private static readonly Option<int[]> Lines = new("--line") { Description = "Revoke only this line (repeatable); default: the whole licence", HelpName = "N" };
    private static readonly Option<string?> Party = new("--party") { Description = "Revoke the licence only for acts involving this party" };
    private static readonly Option<string?> Reason = new("--reason") { Description = "Why, as the authority gave it" };

    public static Command Create(CliEnvironment env)
    {
        var add = new Command("add", "Record licences; any error (duplicate id, reversed period...) records none") { File };
        add.SetAction((parse, cancellationToken) => AddAsync(parse, env, cancellationToken));
        var show = new Command("show", "A licence's terms, events, use and remaining balance per line, and status today") { Id };
        show.SetAction((parse, cancellationToken) => ShowAsync(parse, env, cancellationToken));
        var revoke = new Command("revoke", "Revoke a licence, whole or in part, from a date") { Id, Effective, Announced, Lines, Party, Reason };
        revoke.SetAction((parse, cancellationToken) => RevokeAsync(parse, env, cancellationToken));
        var licenses = new Command("licenses", "The licences on record: status today, validity, remaining balance per line") { add, show, revoke };
        licenses.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return licenses;
    }

    private static async Task<int> AddAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(File)!;
        var text = await CheckCommand.ReadFileAsync(file, cancellationToken);
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var added = (await LicenseRecording.AddAsync(workspace, file, text, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken)).OrRefuse();
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(LicensesJson.Added(added).ToJsonString(JsonOutput.Options));
        }
        else
        {
            foreach (var (license, record) in added)
            {
                env.Out.WriteLine($"recorded licence {license.Id} ({license.Jurisdiction}, {license.Lines.Length} line{(license.Lines.Length == 1 ? "" : "s")}) as audit record {record.Sequence}");
            }
        }
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var book = await workspace.LoadLicensesAsync(cancellationToken);
        var states = book.StateOn(workspace.Today, null);
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(LicensesJson.List(states).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("id", "jurisdiction", "holder", "status", "valid", "lines (remaining)");
        foreach (var s in states)
        {
            table.AddRow(Markup.Escape(s.Id), s.Terms.Jurisdiction, Markup.Escape(s.Terms.Holder ?? "-"), s.Status.ToWire(), Validity(s.Terms),
                Markup.Escape(string.Join("; ", s.Lines.Select(l => $"{l.Line.Number}: {l.Line.Item} ({Remaining(l)})"))));
        }
        ConsoleOutput.Write(env, table);
        return ExitCodes.Success;
    }

    private static async Task<int> ShowAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id)!;
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var book = await workspace.LoadLicensesAsync(cancellationToken);
        var history = book.History(id) ?? throw new RefusedException(Refusal.NotFound($"licence '{id}'", "no such licence on record"));
        var state = book.StateOf(id, workspace.Today, null)!;
        var events = book.Events.Where(e => e.LicenseId == id).ToList();
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(LicensesJson.Detail(state, events).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        var terms = state.Terms;
        var output = env.Out;
        output.WriteLine($"{terms.Id}  {terms.Kind.ToWire()} licence, {terms.Jurisdiction}: {state.Status.ToWire().ToUpperInvariant()} on {EffectivePeriod.Format(workspace.Today)}");
        output.WriteLine($"  holder: {terms.Holder ?? "-"}");
        output.WriteLine($"  valid: {Validity(terms)} (issued {EffectivePeriod.Format(terms.Issued)})");
        output.WriteLine($"  destinations: {string.Join(", ", terms.Destinations)}");
        foreach (var party in terms.Parties)
        {
            output.WriteLine($"  {party.Role.ToWire()}: {party.Name}");
        }
        foreach (var condition in terms.Conditions)
        {
            output.WriteLine($"  condition: {condition}");
        }
        output.WriteLine();
        foreach (var line in state.Lines)
        {
            output.WriteLine($"  line {line.Line.Number}: {line.Line.Item}");
            output.WriteLine($"    limit: {Limit(line.Line)}; used: {Number(line.Used.Quantity)}{(line.Line.Value is { } v ? $", {Number(line.Used.Value)} {v.Currency}" : "")}; remaining: {Remaining(line)}");
            if (line.Revocation is { } revoked)
            {
                output.WriteLine($"    {revoked.Describe()}");
            }
        }
        output.WriteLine();
        output.WriteLine("  events:");
        foreach (var e in events)
        {
            output.WriteLine($"    {Describe(e)}");
        }
        return ExitCodes.Success;
    }

    private static async Task<int> RevokeAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(Id)!;
        var lines = parse.GetValue(Lines) ?? [];
        var party = parse.GetValue(Party);
        if (lines.Length > 0 && party is not null)
        {
            throw new UsageException("--line and --party exclude each other: a revocation is of lines or for a party");
        }
        await using var workspace = await OpenAsync(parse, env, cancellationToken);
        var book = await workspace.LoadLicensesAsync(cancellationToken);
        if (book.History(id) is null)
        {
            throw new RefusedException(Refusal.NotFound($"licence '{id}'", "no such licence on record"));
        }
        var scope = party is not null ? RevocationScope.ForParty(party)
            : lines.Length > 0 ? RevocationScope.ForLines(lines)
            : RevocationScope.Whole;
        var revocation = new LicenseRevoked(id, scope, parse.GetValue(Effective)!.Value, parse.GetValue(Announced) ?? workspace.Today, parse.GetValue(Reason));
        if (book.Check(revocation) is { } problem)
        {
            var option = party is not null ? "--party" : lines.Length > 0 ? "--line" : "--effective";
            throw RefusedException.Invalid(option, problem);
        }
        var audit = (await LicenseRecording.RevokeAsync(workspace, revocation, $"licence '{id}'", env.Actor, env.Clock.GetCurrentInstant(), cancellationToken)).OrRefuse();
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(LicensesJson.Recorded(revocation, audit).ToJsonString(JsonOutput.Options));
        }
        else
        {
            env.Out.WriteLine($"{id} ({scope}) {revocation.Describe()}; recorded as audit record {audit.Sequence}");
        }
        return ExitCodes.Success;
    }

    private static Option<LocalDate?> Required(Option<LocalDate?> option)
    {
        option.Required = true;
        return option;
    }

    private static async Task<Workspace> OpenAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken) =>
        await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);

    private static string Validity(License terms) =>
        $"{EffectivePeriod.Format(terms.Validity.From)} to {(terms.ValidUntil is { } until ? EffectivePeriod.Format(until) : "further notice")}";

    private static string Limit(LicenseLine line) =>
        string.Join(", ", new[] { line.Quantity is { } q ? $"quantity {Number(q)}" : null, line.Value is { } v ? $"{Number(v.Amount)} {v.Currency}" : null }.OfType<string>()) is { Length: > 0 } limit
            ? limit : "no limit";

    private static string Remaining(LicenseLineState line) =>
        string.Join(", ", new[]
        {
            line.RemainingQuantity is { } q ? $"{Number(q)} left" : null,
            line.RemainingValue is { } v ? $"{Number(v.Amount)} {v.Currency} left" : null,
        }.OfType<string>()) is { Length: > 0 } left ? left : "no limit";

    private static string Describe(LicenseEvent e) => e switch
    {
        LicenseIssued i => $"{EffectivePeriod.Format(i.Announced)} issued",
        LicenseAmended a => $"{EffectivePeriod.Format(a.Announced)} amended from {EffectivePeriod.Format(a.Effective)}{(a.Reason is null ? "" : ": " + a.Reason)}",
        LicenseRevoked r => $"{EffectivePeriod.Format(r.Announced)} {r.Scope} {r.Describe()}",
        LicenseUse u => $"{EffectivePeriod.Format(u.Announced)} {LicenseEventJson.TypeOf(u)} line {u.Line}: {Number(u.Quantity)}{(u.Value is { } v ? $", {Number(v.Amount)} {v.Currency}" : "")} for {u.Reference} on {EffectivePeriod.Format(u.Effective)}",
        _ => e.ToString(),
    };

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
