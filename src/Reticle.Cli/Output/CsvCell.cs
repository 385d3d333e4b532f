namespace Reticle.Cli.Output;

/// <summary>
/// One cell of a CSV file that people open in a spreadsheet. Names come from the lists and from users' files, so a
/// name such as <c>=HYPERLINK("http://…")</c> or <c>@SUM(A1)</c> would run as a formula when the summary is opened.
/// OWASP's rule for CSV injection: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return gets a leading apostrophe (shown as text, not evaluated), and every cell with a separator, quote or line
/// break is quoted with its quotes doubled. The full-width forms (＝ ＋ － ＠) are treated alike: some spreadsheets
/// normalise them.
/// </summary>
internal static class CsvCell
{
    private const string FormulaStarts = "=+-@\t\r＝＋－＠";

    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var text = FormulaStarts.Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
