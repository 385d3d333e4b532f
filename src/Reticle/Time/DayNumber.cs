using NodaTime;

namespace Reticle.Time;

/// <summary>
/// Dates as whole days since 1970-01-01, so that the engine's per-decision date tests (is this pack, entry or group
/// member in force?) compare two integers instead of two calendar dates.
/// </summary>
internal static class DayNumber
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    public static int Of(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso ? Civil(date.Year, date.Month, date.Day) : Period.DaysBetween(Epoch, date);

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without NodaTime's general period arithmetic.
    private static int Civil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    /// <summary>The period as days: from its first day, until (exclusive) its end, or to the end of time when open.</summary>
    public static DayRange Of(EffectivePeriod period) => new(Of(period.From), period.Until is { } until ? Of(until) : int.MaxValue);
}
