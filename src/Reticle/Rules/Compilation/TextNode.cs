namespace Reticle.Rules.Compilation;

/// <summary>What a text value is, so that bare words next to it are checked (a country code, yes/no/unknown…).</summary>
internal enum TextKind
{
    Word,
    Country,
    Knowledge,
    Activity,
}

/// <summary>A compiled text-valued expression: a fact of the transaction, an item parameter or a word.</summary>
internal abstract class TextNode(TextKind kind)
{
    public TextKind Kind { get; } = kind;

    public abstract string? Evaluate(Facts facts);

    /// <summary>What the value is called in a finding ("destination", "kind"); a word is its own label.</summary>
    public abstract string Label { get; }

    public abstract string Describe(Facts facts);

    public abstract void ExplainMissing(Facts facts, Explanation explanation);
}

/// <summary>A fact read from the transaction (destination, activity, an end-use answer…).</summary>
internal sealed class FactText(TextKind kind, string label, string path, Func<Facts, string?> read) : TextNode(kind)
{
    public string Path { get; } = path;

    public override string Label => label;

    public override string? Evaluate(Facts facts) => read(facts);

    public override string Describe(Facts facts) => $"{label} {Evaluate(facts) ?? "(not given)"}";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            explanation.AddMissing(Path);
            explanation.Add($"{label} not given ({Path})");
        }
    }
}

internal sealed class ParameterText(ParameterInfo parameter) : TextNode(TextKind.Word)
{
    public ParameterInfo Parameter => parameter;

    public override string Label => parameter.Label;

    public override string? Evaluate(Facts facts) => facts.Texts[parameter.Slot];

    public override string Describe(Facts facts) => $"{parameter.Label} {Evaluate(facts) ?? "(not given)"}";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            explanation.AddMissing($"item.parameters.{parameter.Name}");
            explanation.Add($"{parameter.Label} not given (item.parameters.{parameter.Name})");
        }
    }
}

internal sealed class WordText(string word) : TextNode(TextKind.Word)
{
    public override string Label => word;

    public override string? Evaluate(Facts facts) => word;

    public override string Describe(Facts facts) => word;

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
    }
}
