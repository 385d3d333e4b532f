using Spectre.Console;
using static Reticle.Cli.Tests.LicenseFixtures;
using static Reticle.Cli.Tests.OrdersCommandTests;

namespace Reticle.Cli.Tests;

/// <summary>
/// <c>reticle orders</c> as text is drawn a page at a time from the store (StreamedTable), and is the very table Spectre.Console
/// draws of all the rows at once (what it printed before it streamed): checked across page boundaries, with the widest
/// cell on the last page and markup characters in an id, and for a table wider than the console (drawn whole).
/// </summary>
public sealed class OrdersTableTests
{
    /// <summary>The table as the command drew it before it streamed: every row in one Spectre table, on a 240-column console without colour.</summary>
    private static string Whole(IEnumerable<(string Id, string Date, string Status, string Outcome)> rows)
    {
        var table = new Table().AddColumns("id", "date", "status", "latest outcome");
        foreach (var (id, date, status, outcome) in rows)
        {
            table.AddRow(Markup.Escape(id), date, status, outcome);
        }
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        console.Write(table);
        return text.ToString();
    }

    private static async Task<IEnumerable<(string, string, string, string)>> RowsAsync(CliRun run) =>
        (await run.RunAsync("orders", "--json")).Json.AsArray().Select(o => (o!["id"]!.GetValue<string>(), o["date"]!.GetValue<string>(),
            o["status"]!.GetValue<string>(), o["latestOutcome"]?.GetValue<string>() ?? "-"));

    [Fact]
    public async Task Orders_as_text_are_the_table_Spectre_draws_of_all_rows_though_drawn_a_page_at_a_time()
    {
        var run = new CliRun();
        // Two and a bit pages; the longest id sorts last (latest date), so the first page alone would draw narrower columns.
        var ids = Enumerable.Range(1, (2 * Output.StreamedTable.PageRows) + 37).Select(i => $"SO-{i:D4}").ToList();
        var book = ids.Select((id, i) => Shipment(id, i % 2 == 0 ? "2023-12-15" : "2024-01-02"))
            .Append(Shipment("SO-[bracketed]-with-a-much-longer-id-than-the-rest", "2024-03-01"));
        (await run.RunAsync("orders", "add", Write(run, "book.jsonl", Lines([.. book])))).ExitCode.ShouldBe(0);
        (await run.RunAsync("orders", "ship", "SO-0001")).ExitCode.ShouldBeOneOf(0, 1);

        var text = await run.RunAsync("orders");

        text.ExitCode.ShouldBe(0, text.Error);
        var rows = (await RowsAsync(run)).ToList();
        rows.Count.ShouldBe(ids.Count + 1);
        text.Out.ShouldBe(Whole(rows));
        text.Out.ShouldContain("SO-[bracketed]-with-a-much-longer-id-than-the-rest");
        var open = await run.RunAsync("orders", "--status", "open");
        open.Out.ShouldBe(Whole(rows.Where(r => r.Item3 == "open")));
    }

    [Fact]
    public async Task A_table_wider_than_the_console_and_an_empty_one_are_drawn_as_Spectre_draws_them()
    {
        var run = new CliRun();
        (await run.RunAsync("orders")).Out.ShouldBe(Whole([]));
        var wide = "SO-" + new string('W', 197); // the longest id an order may have: 246 columns with the others
        (await run.RunAsync("orders", "add", Write(run, "wide.jsonl", Lines(Shipment(wide, "2023-12-15"), Shipment("SO-2", "2024-01-02"))))).ExitCode.ShouldBe(0);

        var text = await run.RunAsync("orders");

        text.Out.ShouldBe(Whole(await RowsAsync(run)));
    }
}
