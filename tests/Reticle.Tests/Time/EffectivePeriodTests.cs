using Reticle.Time;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Time;

public sealed class EffectivePeriodTests
{
    [Fact]
    public void A_period_includes_its_first_day_and_excludes_its_end()
    {
        var period = EffectivePeriod.Create(Date("2023-09-01"), Date("2024-09-07"));
        period.Contains(Date("2023-08-31")).ShouldBeFalse();
        period.Contains(Date("2023-09-01")).ShouldBeTrue();
        period.Contains(Date("2024-09-06")).ShouldBeTrue();
        period.Contains(Date("2024-09-07")).ShouldBeFalse();
    }

    [Fact]
    public void An_open_period_never_ends() =>
        EffectivePeriod.Create(Date("2024-09-07")).Contains(Date("2999-01-01")).ShouldBeTrue();

    [Theory]
    [InlineData("2024-09-07", "2024-09-07")]
    [InlineData("2024-09-07", "2024-09-06")]
    public void A_period_that_ends_on_or_before_it_starts_is_rejected(string from, string until)
    {
        EffectivePeriod.TryCreate(Date(from), Date(until), out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("on or before it starts");
    }

    [Fact]
    public void Consecutive_versions_meet_without_overlapping()
    {
        var old = EffectivePeriod.Create(Date("2023-09-01"), Date("2024-09-07"));
        var amended = EffectivePeriod.Create(Date("2024-09-07"));
        old.Overlaps(amended).ShouldBeFalse();
        old.Overlaps(EffectivePeriod.Create(Date("2024-09-06"))).ShouldBeTrue();
    }
}
