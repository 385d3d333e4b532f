using NodaTime;
using NodaTime.Text;

namespace Reticle.Input;

/// <summary>
/// A date given as input: ISO <c>YYYY-MM-DD</c> within the years Reticle decides on. The ISO pattern alone accepts
/// year 0000 and negative years, and a last day of 9999-12-31 leaves no "day after" for a period to end on
/// (a licence's last valid day, the end of a <c>--known-at</c> day), so such dates are refused where they are read.
/// </summary>
public static class InputDate
{
    /// <summary>The earliest date accepted: before any export-control regime Reticle knows (CoCom dates from 1949).</summary>
    public static LocalDate Earliest { get; } = new(1900, 1, 1);

    /// <summary>The latest date accepted: far beyond any licence, and with room for every period's end.</summary>
    public static LocalDate Latest { get; } = new(2999, 12, 31);

    /// <returns>The date, or null with <paramref name="error"/> saying why (a shape, an impossible day or out of range).</returns>
    public static LocalDate? Parse(string text, out string? error)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            // The ISO pattern refuses dates that do not exist (2023-02-30) as well as other shapes.
            error = $"'{Shown(text)}' is not a valid date (YYYY-MM-DD)";
            return null;
        }
        if (parsed.Value < Earliest || parsed.Value > Latest)
        {
            error = $"'{Shown(text)}' is outside the dates Reticle accepts ({Format(Earliest)} to {Format(Latest)}); leave an open end out rather than give a far date";
            return null;
        }
        error = null;
        return parsed.Value;
    }

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    // A rejection repeats what was given, but not a megabyte of it.
    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
