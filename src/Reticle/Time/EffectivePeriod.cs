using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Reticle.Time;

/// <summary>
/// The dates on which something is in force: a half-open range <c>[From, Until)</c>.
/// </summary>
/// <remarks>
/// <see cref="Until"/> is exclusive because legal instruments are written that way: an amendment
/// "in force from 7 September 2024" ends the previous version on 6 September, so the old version's
/// period is <c>[2023-09-01, 2024-09-07)</c> and the two meet without a gap or an overlap.
/// A <c>null</c> <see cref="Until"/> means open-ended (in force until further notice).
/// </remarks>
public sealed record EffectivePeriod
{
    public LocalDate From { get; }
    public LocalDate? Until { get; }

    private EffectivePeriod(LocalDate from, LocalDate? until)
    {
        From = from;
        Until = until;
    }

    /// <summary>Creates a period, or returns an error when it would end on or before it starts.</summary>
    public static EffectivePeriod? TryCreate(LocalDate from, LocalDate? until, out string? error)
    {
        if (until is { } end && end <= from)
        {
            error = $"period ends ({Format(end)}) on or before it starts ({Format(from)})";
            return null;
        }
        error = null;
        return new EffectivePeriod(from, until);
    }

    public static EffectivePeriod Create(LocalDate from, LocalDate? until = null) =>
        TryCreate(from, until, out var error) ?? throw new ArgumentException(error);

    public static EffectivePeriod Always { get; } = new(LocalDate.MinIsoValue, null);

    public bool Contains(LocalDate date) => date >= From && (Until is not { } end || date < end);

    public bool Overlaps(EffectivePeriod other) =>
        (Until is not { } end || other.From < end) && (other.Until is not { } otherEnd || From < otherEnd);

    /// <summary>The part of this period that also lies in <paramref name="other"/>, if any.</summary>
    public EffectivePeriod? Intersect(EffectivePeriod other)
    {
        var from = From > other.From ? From : other.From;
        LocalDate? until = (Until, other.Until) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            ({ } a, { } b) => a < b ? a : b,
        };
        return TryCreate(from, until, out _);
    }

    public override string ToString() =>
        $"[{(From == LocalDate.MinIsoValue ? "-inf" : Format(From))}, {(Until is { } end ? Format(end) : "open")})";

    /// <summary>ISO 8601 calendar date, as everywhere in the contract.</summary>
    public static string Format(LocalDate date) =>
        // Every reason names dates, so the common case skips the general pattern (which builds through a StringBuilder).
        date.Calendar == CalendarSystem.Iso && date.Year is >= 1 and <= 9999
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}")
            : LocalDatePattern.Iso.Format(date);
}
