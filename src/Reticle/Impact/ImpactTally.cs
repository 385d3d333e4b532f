using NodaTime;

namespace Reticle.Impact;

/// <summary>
/// The counts of an impact run as it goes: the changes stream out as they are found (a rule day can change a quarter of a
/// large book, and holding each change's two full determinations took gigabytes), so the summary can only be read once the
/// last change has been taken. Belongs to the one run that fills it.
/// </summary>
public sealed class ImpactTally
{
    private readonly ValueTotals _atStake = new();
    private int _evaluated;
    private int _immaterial;
    private int _material;
    private int _worseWithoutValue;

    /// <summary>Orders decided so far.</summary>
    public int Evaluated => _evaluated;

    internal void Count(int evaluated, int immaterial)
    {
        _evaluated += evaluated;
        _immaterial += immaterial;
    }

    internal void Add(ImpactChange change)
    {
        if (!change.Material)
        {
            return;
        }
        _material++;
        if (change.Worse)
        {
            _atStake.Add(change.Value);
            _worseWithoutValue += change.Value is null ? 1 : 0;
        }
    }

    /// <summary>The run's summary; read after the changes have all been taken.</summary>
    public ImpactSummary Summary(LocalDate knownAt, LocalDate vs) =>
        new(knownAt, vs, _evaluated, _immaterial, _material, _atStake.ToImmutableArray(), _worseWithoutValue);
}
