using NodaTime;

namespace Reticle.Time;

/// <summary>
/// Dates as whole days since 1970-01-01, so that the engine's per-decision date tests (is this pack, entry or group
/// member in force?) compare two integers instead of two calendar dates.
/// </summary>
internal static class DayNumber
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    public static int Of(LocalDate date) => Period.DaysBetween(Epoch, date);

    /// <summary>The period as days: from its first day, until (exclusive) its end, or to the end of time when open.</summary>
    public static DayRange Of(EffectivePeriod period) => new(Of(period.From), period.Until is { } until ? Of(until) : int.MaxValue);
}
