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

    // The same parameter is described in many findings of one transaction: format it once.
    public override string Describe(Facts facts) =>
        facts.ParameterDescriptions[Parameter.Slot] ??=
            Evaluate(facts) is { } value ? $"{Parameter.Label} {Parameter.Format(value)}" : $"{Parameter.Label} (not given)";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            explanation.AddMissing($"item.parameters.{Parameter.Name}");
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
internal sealed class FormulaNumber : NumberNode
{
    private readonly string _label;
    private readonly Unit _unit;
    private readonly NumberNode _body;
    private readonly ParameterInfo? _givenAs;

    // The named inputs shown after the value, found once: the rule's own constants first ("K 0.25"),
    // then the item's facts ("NA 1.35").
    private readonly NumberNode[] _inputs;
    private readonly string? _key;

    /// <param name="cacheKey">The formula id with its constant arguments ("mrf(K=0.25)"), or null when an argument is not a constant.</param>
    public FormulaNumber(string label, Unit unit, NumberNode body, ParameterInfo? givenAs, string? cacheKey) : base(unit.Dimension)
    {
        _label = label;
        _unit = unit;
        _body = body;
        _givenAs = givenAs;
        var inputs = new List<NumberNode>();
        Collect(body, inputs);
        _inputs = [.. inputs.OfType<ArgumentNumber>(), .. inputs.Where(i => i is not ArgumentNumber).DistinctBy(i => i is ParameterNumber p ? p.Parameter.Name : null)];
        _key = cacheKey;
    }

    private static void Collect(NumberNode node, List<NumberNode> inputs)
    {
        switch (node)
        {
            case ArithmeticNumber a:
                Collect(a.Left, inputs);
                Collect(a.Right, inputs);
                break;
            case NegateNumber n:
                Collect(n.Operand, inputs);
                break;
            case ArgumentNumber or ParameterNumber or FormulaNumber:
                inputs.Add(node);
                break;
        }
    }

    public override decimal? Evaluate(Facts facts) =>
        _givenAs is not null && facts.Numbers[_givenAs.Slot] is { } given ? given : _body.Evaluate(facts);

    // The same formula with the same arguments (MRF with K 0.25) recurs across packs: describe it once per transaction.
    public override string Describe(Facts facts)
    {
        if (_key is null)
        {
            return DescribeNow(facts);
        }
        var cache = facts.FormulaDescriptions;
        if (!cache.TryGetValue(_key, out var text))
        {
            cache[_key] = text = DescribeNow(facts);
        }
        return text;
    }

    private string DescribeNow(Facts facts)
    {
        if (_givenAs is not null && facts.Numbers[_givenAs.Slot] is { } given)
        {
            return $"{_label} {Format(given)} (as given)";
        }
        if (_body.Evaluate(facts) is not { } value)
        {
            return $"{_label} (not computable)";
        }
        var inputs = new string[_inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = _inputs[i].Describe(facts);
        }
        return $"{_label} {Format(value)} ({string.Join(", ", inputs)})";
    }

    private string Format(decimal canonical) =>
        $"{ParameterInfo.Number(canonical / _unit.ToCanonical)}{(_unit.Symbol.Length == 0 ? "" : " " + _unit.Symbol)}";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            _body.ExplainMissing(facts, explanation);
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
            explanation.AddMissing(path);
            explanation.Add($"{label} not given ({path})");
        }
    }
}
