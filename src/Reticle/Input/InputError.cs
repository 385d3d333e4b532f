namespace Reticle.Input;

/// <summary>Why an input was rejected and where: a file, a line and column or a JSON path.</summary>
public sealed record InputError(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
