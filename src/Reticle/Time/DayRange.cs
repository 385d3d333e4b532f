namespace Reticle.Time;

/// <summary>An <see cref="EffectivePeriod"/> as day numbers (<see cref="DayNumber"/>): <c>[From, Until)</c>.</summary>
internal readonly record struct DayRange(int From, int Until)
{
    public bool Contains(int day) => day >= From && day < Until;
}
