using System.Collections.Frozen;

namespace Reticle.Rules.Units;

/// <summary>The units the rule-pack language knows. Closed on purpose: a unit nobody defined is a typo.</summary>
public static class UnitTable
{
    private static readonly FrozenDictionary<string, Unit> Units = new Unit[]
    {
        new("nm", Dimension.OfLength, 1m),
        new("um", Dimension.OfLength, 1_000m),
        new("µm", Dimension.OfLength, 1_000m),
        new("mm", Dimension.OfLength, 1_000_000m),
        new("m", Dimension.OfLength, 1_000_000_000m),
        new("ms", Dimension.OfTime, 0.001m),
        new("s", Dimension.OfTime, 1m),
        new("eV", Dimension.OfEnergy, 1m),
        new("keV", Dimension.OfEnergy, 1_000m),
        new("MeV", Dimension.OfEnergy, 1_000_000m),
        new("uA", Dimension.OfCurrent, 0.000001m),
        new("µA", Dimension.OfCurrent, 0.000001m),
        new("mA", Dimension.OfCurrent, 0.001m),
        new("A", Dimension.OfCurrent, 1m),
        new("degC", Dimension.OfTemperature, 1m),
        new("%", Dimension.None, 0.01m),
    }.ToFrozenDictionary(u => u.Symbol, StringComparer.Ordinal);

    public static bool IsUnit(string symbol) => Units.ContainsKey(symbol);

    public static Unit? Find(string? symbol) => symbol is not null && Units.TryGetValue(symbol, out var unit) ? unit : null;

    /// <summary>The unit of a plain number (a numerical aperture, a K factor).</summary>
    public static Unit One { get; } = new("", Dimension.None, 1m);

    public static IEnumerable<string> Symbols => Units.Keys.Order(StringComparer.Ordinal);
}
