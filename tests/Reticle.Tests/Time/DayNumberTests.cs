using NodaTime;
using Reticle.Time;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Time;

/// <summary>The engine tests periods on day numbers: they must order and count days exactly as the calendar does.</summary>
public sealed class DayNumberTests
{
    [Fact]
    public void Day_numbers_count_days_from_1970_as_the_calendar_does()
    {
        var epoch = new LocalDate(1970, 1, 1);
        // Every day of several centuries either side of the epoch, leap days and century rules included.
        for (var date = new LocalDate(1599, 12, 1); date < new LocalDate(2401, 3, 2); date = date.PlusDays(1))
        {
            DayNumber.Of(date).ShouldBe(Period.DaysBetween(epoch, date), date.ToString());
        }
    }

    [Theory]
    [InlineData(-9998, 1, 1)]
    [InlineData(-1, 12, 31)]
    [InlineData(0, 2, 29)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Day_numbers_hold_at_the_ends_of_the_calendar(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        DayNumber.Of(date).ShouldBe(Period.DaysBetween(new LocalDate(1970, 1, 1), date));
    }

    [Fact]
    public void A_period_as_days_includes_its_first_day_and_excludes_its_end()
    {
        var days = DayNumber.Of(EffectivePeriod.Create(Date("2023-09-01"), Date("2024-09-07")));
        days.Contains(DayNumber.Of(Date("2023-08-31"))).ShouldBeFalse();
        days.Contains(DayNumber.Of(Date("2023-09-01"))).ShouldBeTrue();
        days.Contains(DayNumber.Of(Date("2024-09-06"))).ShouldBeTrue();
        days.Contains(DayNumber.Of(Date("2024-09-07"))).ShouldBeFalse();
        DayNumber.Of(EffectivePeriod.Create(Date("2024-09-07"))).Contains(DayNumber.Of(Date("2999-01-01"))).ShouldBeTrue();
    }
}
