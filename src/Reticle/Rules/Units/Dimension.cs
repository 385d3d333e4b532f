namespace Reticle.Rules.Units;

/// <summary>
/// The physical dimension of a quantity as exponents of base quantities, so that
/// <c>wavelength × K / NA</c> is a length and comparing it with <c>45 nm</c> type-checks, while
/// comparing it with <c>5 ms</c> is a validation error.
/// </summary>
public readonly record struct Dimension(int Length, int Time, int Energy, int Current, int Temperature)
{
    public static Dimension None => default;
    public static Dimension OfLength => new(1, 0, 0, 0, 0);
    public static Dimension OfTime => new(0, 1, 0, 0, 0);
    public static Dimension OfEnergy => new(0, 0, 1, 0, 0);
    public static Dimension OfCurrent => new(0, 0, 0, 1, 0);
    public static Dimension OfTemperature => new(0, 0, 0, 0, 1);

    public Dimension Times(Dimension other) =>
        new(Length + other.Length, Time + other.Time, Energy + other.Energy, Current + other.Current, Temperature + other.Temperature);

    public Dimension Over(Dimension other) =>
        new(Length - other.Length, Time - other.Time, Energy - other.Energy, Current - other.Current, Temperature - other.Temperature);

    public override string ToString()
    {
        if (this == None)
        {
            return "a plain number";
        }
        var parts = new List<string>();
        Add(parts, "length", Length);
        Add(parts, "time", Time);
        Add(parts, "energy", Energy);
        Add(parts, "current", Current);
        Add(parts, "temperature", Temperature);
        return string.Join(" × ", parts);
    }

    private static void Add(List<string> parts, string name, int exponent)
    {
        if (exponent == 1)
        {
            parts.Add(name);
        }
        else if (exponent != 0)
        {
            parts.Add($"{name}^{exponent}");
        }
    }
}
