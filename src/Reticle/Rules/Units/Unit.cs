namespace Reticle.Rules.Units;

/// <summary>A unit of measure: its dimension and the factor that turns a value into the canonical unit of that dimension.</summary>
/// <remarks>Canonical units: nanometre, second, electronvolt, ampere, degree Celsius, and 1 for plain numbers (so 25 % is 0.25).</remarks>
public sealed record Unit(string Symbol, Dimension Dimension, decimal ToCanonical);
