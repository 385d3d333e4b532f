using Reticle.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Reticle.Cli.Output;

/// <summary>
/// A table of rows read from the store, as long as the user's book (<c>reticle orders</c>), drawn exactly as Spectre.Console
/// draws the whole table at once, while holding one page of rows. A first pass over the rows measures each column (the
/// widest cell or header); a second draws them a page at a time through Spectre itself, every column fixed at that width,
/// keeping the top border and header from the first page only and the bottom border from the last. A table wider than the
/// console would have its columns shrunk and cells wrapped by Spectre, which needs every row: only then is it drawn whole.
/// </summary>
internal static class StreamedTable
{
    /// <summary>Rows drawn together: enough that Spectre's per-table work is small, few enough that memory stays flat.</summary>
    public const int PageRows = 512;

    // Square border: one character per side of every column, plus the padding of one on either side of each cell.
    private const int BorderAndPaddingPerColumn = 3;

    /// <param name="rows">Called twice (measure, then draw): each call reads the rows again, in the same order.</param>
    /// <param name="cells">A row's cells as plain text (escaped here, so brackets in ids show as written).</param>
    public static async Task WriteAsync<T>(CliEnvironment env, IReadOnlyList<string> headers, Func<IAsyncEnumerable<T>> rows, Func<T, IReadOnlyList<string>> cells,
        CancellationToken cancellationToken)
    {
        var console = ConsoleOutput.Out(env);
        var widths = headers.Select(Width).ToArray();
        var count = 0L;
        await foreach (var row in rows().WithCancellation(cancellationToken))
        {
            var texts = cells(row);
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(texts[i]));
            }
            count++;
        }
        if (count == 0 || widths.Sum() + (BorderAndPaddingPerColumn * widths.Length) + 1 > console.Profile.Width)
        {
            // Nothing to hold, or Spectre would shrink and wrap the columns by what every row holds: the whole table, as before.
            var whole = Table(headers, null);
            await foreach (var row in rows().WithCancellation(cancellationToken))
            {
                whole.AddRow([.. cells(row).Select(Markup.Escape)]);
            }
            console.Write(whole);
            return;
        }
        var width = console.Profile.Width;
        var page = new List<IReadOnlyList<string>>(PageRows);
        var first = true;
        var drawn = 0L;
        await foreach (var row in rows().WithCancellation(cancellationToken))
        {
            page.Add(cells(row));
            drawn++;
            // The last page is the one that reaches the count measured (rows added since are left out, rows gone end it early).
            if (page.Count == PageRows || drawn == count)
            {
                Draw(page, first, last: drawn == count);
                first = false;
                page.Clear();
                if (drawn == count)
                {
                    break;
                }
            }
        }
        if (page.Count > 0 || drawn < count)
        {
            Draw(page, first, last: true);
        }

        void Draw(List<IReadOnlyList<string>> rowsOfPage, bool withTop, bool last)
        {
            var table = Table(headers, widths);
            foreach (var r in rowsOfPage)
            {
                table.AddRow([.. r.Select(Markup.Escape)]);
            }
            var text = new StringWriter();
            var saved = console.Profile.Out;
            console.Profile.Out = new AnsiConsoleOutput(text);
            console.Profile.Width = width;
            try
            {
                console.Write(table);
            }
            finally
            {
                console.Profile.Out = saved;
                console.Profile.Width = width;
            }
            var lines = text.ToString().Split('\n');
            // Spectre ends the table with a line break: the last element is empty. Top border, header, rule: three lines.
            var body = lines[..^1];
            if (rowsOfPage.Count == 0 && !withTop)
            {
                // Rows measured were gone by the second pass (shipped while --status open was listed): the bottom border alone.
                env.Out.Write(body[^1]);
                env.Out.Write('\n');
                return;
            }
            var from = withTop ? 0 : 3;
            var until = last ? body.Length : body.Length - 1;
            for (var i = from; i < until; i++)
            {
                env.Out.Write(body[i]);
                env.Out.Write('\n');
            }
        }
    }

    private static int Width(string text) => new Segment(text).CellCount();

    private static Table Table(IReadOnlyList<string> headers, int[]? widths)
    {
        var table = new Table();
        for (var i = 0; i < headers.Count; i++)
        {
            table.AddColumn(widths is null ? new TableColumn(headers[i]) : new TableColumn(headers[i]) { Width = widths[i], NoWrap = true });
        }
        return table;
    }
}
