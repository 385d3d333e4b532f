namespace Reticle.Rules.Compilation;

/// <summary>
/// Three-valued (Kleene) truth: a condition over a fact the transaction does not give is
/// <see cref="Unknown"/>, and <c>false and unknown</c> is still <c>false</c>. This is how a missing
/// fact turns into <c>review</c> only where it could change the answer.
/// </summary>
public enum Truth : byte
{
    False,
    True,
    Unknown,
}

public static class TruthNames
{
    /// <summary>How a truth value reads in output: yes, no, or unknown.</summary>
    public static string ToWire(this Truth truth) => truth switch
    {
        Truth.True => "yes",
        Truth.False => "no",
        _ => "unknown",
    };
}

internal static class Kleene
{
    public static Truth And(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.True;

    public static Truth Or(Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.False;

    public static Truth Not(Truth a) => a switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    public static Truth Of(bool value) => value ? Truth.True : Truth.False;
}
