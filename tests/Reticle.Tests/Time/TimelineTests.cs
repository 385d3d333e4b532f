using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Reticle.Time;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Time;

public sealed class TimelineTests
{
    [Fact]
    public void Overlapping_periods_are_rejected_naming_both()
    {
        var timeline = Timeline<string>.TryCreate(
            [(EffectivePeriod.Create(Date("2023-09-01"), Date("2024-10-01")), "2023"), (EffectivePeriod.Create(Date("2024-09-07")), "2024")],
            out var error);
        timeline.ShouldBeNull();
        error.ShouldBe("periods [2023-09-01, 2024-10-01) and [2024-09-07, open) overlap");
    }

    [Fact]
    public void A_date_in_a_gap_has_no_value()
    {
        var timeline = Timeline<string>.Create(
            [(EffectivePeriod.Create(Date("2020-01-01"), Date("2021-01-01")), "a"), (EffectivePeriod.Create(Date("2022-01-01")), "b")]);
        timeline.TryGet(Date("2021-06-01"), out _).ShouldBeFalse();
        timeline.TryGet(Date("2019-12-31"), out _).ShouldBeFalse();
        timeline.TryGet(Date("2022-01-01"), out var value).ShouldBeTrue();
        value.ShouldBe("b");
    }

    [Property(MaxTest = 300)]
    public void Lookup_by_binary_search_equals_a_linear_scan(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var entries = new List<(EffectivePeriod, int)>();
        var start = new LocalDate(2000, 1, 1);
        for (var i = 0; i < random.Next(0, 12); i++)
        {
            start = start.PlusDays(random.Next(0, 60));
            var length = random.Next(1, 90);
            var open = random.Next(10) == 0;
            entries.Add((EffectivePeriod.Create(start, open ? null : start.PlusDays(length)), i));
            if (open)
            {
                break;
            }
            start = start.PlusDays(length);
        }
        var timeline = Timeline<int>.Create(entries);
        for (var day = new LocalDate(1999, 12, 1); day < new LocalDate(2003, 1, 1); day = day.PlusDays(7))
        {
            var linear = entries.Where(e => e.Item1.Contains(day)).Select(e => (int?)e.Item2).SingleOrDefault();
            var found = timeline.TryGet(day, out var value) ? value : (int?)null;
            found.ShouldBe(linear);
        }
    }
}
