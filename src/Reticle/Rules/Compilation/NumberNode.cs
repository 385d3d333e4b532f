using Reticle.Rules.Units;

namespace Reticle.Rules.Compilation;

/// <summary>A compiled numeric expression; values are in the canonical unit of <see cref="Dimension"/>.</summary>
internal abstract class NumberNode(Dimension dimension)
{
    public Dimension Dimension { get; } = dimension;

    public abstract decimal? Evaluate(Facts facts);

    /// <summary>How the value reads in a finding: "wavelength 193 nm", "45 nm", "MRF 35.74 nm (K 0.25, NA 1.35)".</summary>
    public abstract string Describe(Facts facts);

    public abstract void ExplainMissing(Facts facts, Explanation explanation);
}

internal sealed class ParameterNumber(ParameterInfo parameter) : NumberNode(parameter.Unit?.Dimension ?? Dimension.None)
{
    public ParameterInfo Parameter { get; } = parameter;

    public override decimal? Evaluate(Facts facts) => facts.Numbers[Parameter.Slot];

    public override string Describe(Facts facts) =>
        Evaluate(facts) is { } value ? $"{Parameter.Label} {Parameter.Format(value)}" : $"{Parameter.Label} (not given)";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            explanation.Missing.Add($"item.parameters.{Parameter.Name}");
            explanation.Add($"{Parameter.Label} not given (item.parameters.{Parameter.Name})");
        }
    }
}

internal sealed class ConstantNumber(decimal canonical, string text, Dimension dimension) : NumberNode(dimension)
{
    public decimal Value { get; } = canonical;

    public override decimal? Evaluate(Facts facts) => Value;

    public override string Describe(Facts facts) => text;

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
    }
}

internal sealed class ArithmeticNumber(char op, NumberNode left, NumberNode right, Dimension dimension) : NumberNode(dimension)
{
    public override decimal? Evaluate(Facts facts)
    {
        if (left.Evaluate(facts) is not { } l || right.Evaluate(facts) is not { } r)
        {
            return null;
        }
        return op switch
        {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            _ => r == 0 ? null : l / r,
        };
    }

    public override string Describe(Facts facts) =>
        Evaluate(facts) is { } value ? ParameterInfo.Number(value) : $"({left.Describe(facts)} {op} {right.Describe(facts)})";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        left.ExplainMissing(facts, explanation);
        right.ExplainMissing(facts, explanation);
    }

    /// <summary>The named inputs of the expression, for "(K 0.25, NA 1.35)".</summary>
    public static IEnumerable<string> Inputs(NumberNode node, Facts facts) => node switch
    {
        ArithmeticNumber a => Inputs(a.Left, facts).Concat(Inputs(a.Right, facts)),
        NegateNumber n => Inputs(n.Operand, facts),
        ArgumentNumber arg => [$"{arg.Name} {arg.Value.Describe(facts)}"],
        ParameterNumber p => [p.Describe(facts)],
        FormulaNumber f => [f.Describe(facts)],
        _ => [],
    };

    public static bool IsArgument(NumberNode node, string input) => node switch
    {
        ArithmeticNumber a => IsArgument(a.Left, input) || IsArgument(a.Right, input),
        NegateNumber n => IsArgument(n.Operand, input),
        ArgumentNumber arg => input.StartsWith(arg.Name + " ", StringComparison.Ordinal),
        _ => false,
    };

    public NumberNode Left => left;
    public NumberNode Right => right;
}

internal sealed class NegateNumber(NumberNode operand) : NumberNode(operand.Dimension)
{
    public NumberNode Operand => operand;

    public override decimal? Evaluate(Facts facts) => -operand.Evaluate(facts);

    public override string Describe(Facts facts) => $"-{operand.Describe(facts)}";

    public override void ExplainMissing(Facts facts, Explanation explanation) => operand.ExplainMissing(facts, explanation);
}

/// <summary>A formula argument bound at the call site (<c>K = 0.25</c>), kept named so findings can show it.</summary>
internal sealed class ArgumentNumber(string name, NumberNode value) : NumberNode(value.Dimension)
{
    public string Name { get; } = name;
    public NumberNode Value { get; } = value;

    public override decimal? Evaluate(Facts facts) => Value.Evaluate(facts);

    public override string Describe(Facts facts) => $"{Name} {Value.Describe(facts)}";

    public override void ExplainMissing(Facts facts, Explanation explanation) => Value.ExplainMissing(facts, explanation);
}

/// <summary>
/// A defined formula such as MRF = wavelength × K / NA. Where the transaction states the value itself
/// (<c>givenAs</c>, e.g. <c>minimumResolvableFeatureNm</c>) that value is used, as CONTRACT §2 says.
/// </summary>
internal sealed class FormulaNumber(string label, Unit unit, NumberNode body, ParameterInfo? givenAs) : NumberNode(unit.Dimension)
{
    public override decimal? Evaluate(Facts facts) =>
        givenAs is not null && facts.Numbers[givenAs.Slot] is { } given ? given : body.Evaluate(facts);

    public override string Describe(Facts facts)
    {
        if (givenAs is not null && facts.Numbers[givenAs.Slot] is { } given)
        {
            return $"{label} {Format(given)} (as given)";
        }
        if (body.Evaluate(facts) is not { } value)
        {
            return $"{label} (not computable)";
        }
        // The rule's own constants first ("K 0.25"), then the item's facts ("NA 1.35").
        var inputs = ArithmeticNumber.Inputs(body, facts).Distinct()
            .OrderBy(i => ArithmeticNumber.IsArgument(body, i) ? 0 : 1).ToList();
        return $"{label} {Format(value)} ({string.Join(", ", inputs)})";
    }

    private string Format(decimal canonical) =>
        $"{ParameterInfo.Number(canonical / unit.ToCanonical)}{(unit.Symbol.Length == 0 ? "" : " " + unit.Symbol)}";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            body.ExplainMissing(facts, explanation);
        }
    }
}

/// <summary>A numeric fact of the transaction outside the item parameters (US controlled content, in %).</summary>
internal sealed class FactNumber(string label, string path, Unit unit, Func<Facts, decimal?> read) : NumberNode(unit.Dimension)
{
    public override decimal? Evaluate(Facts facts) => read(facts) * unit.ToCanonical;

    public override string Describe(Facts facts) =>
        read(facts) is { } value ? $"{label} {ParameterInfo.Number(value)}{unit.Symbol}" : $"{label} (not given)";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (read(facts) is null)
        {
            explanation.Missing.Add(path);
            explanation.Add($"{label} not given ({path})");
        }
    }
}
