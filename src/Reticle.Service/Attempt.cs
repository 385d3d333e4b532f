namespace Reticle.Service;

/// <summary>What a use case that may refuse returns: its result, or the <see cref="Refusal"/> (and then nothing was stored).</summary>
internal sealed record Attempt<T>
{
    private Attempt(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The result; meaningful only when <see cref="Refusal"/> is null.</summary>
    public T? Value { get; }

    public Refusal? Refusal { get; }

    public static Attempt<T> Done(T value) => new(value, null);

    public static implicit operator Attempt<T>(Refusal refusal) => new(default, refusal);
}
