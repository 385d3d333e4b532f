using System.Collections.Frozen;
using NodaTime;
using Reticle.Rules.Syntax;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>
/// A compiled condition: names already resolved to slots, units converted, groups turned into
/// date-indexed sets. <see cref="Evaluate"/> is the fast path; <see cref="Explain"/> says why, and
/// is only called for the findings a determination reports.
/// </summary>
public abstract class Condition
{
    public abstract Truth Evaluate(Facts facts);

    public abstract void Explain(Facts facts, Explanation explanation);
}

internal sealed class AllCondition(Condition[] operands) : Condition
{
    public IReadOnlyList<Condition> Operands => operands;

    public override Truth Evaluate(Facts facts)
    {
        var result = Truth.True;
        foreach (var operand in operands)
        {
            var truth = operand.Evaluate(facts);
            if (truth == Truth.False)
            {
                return Truth.False;
            }
            if (truth == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }
        return result;
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        // Each operand is evaluated once here (not again to find the result): explaining walks the tree.
        Span<Truth> truths = operands.Length <= 16 ? stackalloc Truth[operands.Length] : new Truth[operands.Length];
        var result = Truth.True;
        for (var i = 0; i < operands.Length; i++)
        {
            truths[i] = operands[i].Evaluate(facts);
            result = Kleene.And(result, truths[i]);
        }
        for (var i = 0; i < operands.Length; i++)
        {
            // A false "all of" is explained by what failed; a true one by everything that held.
            if (truths[i] == result || result == Truth.True)
            {
                operands[i].Explain(facts, explanation);
                if (result == Truth.False)
                {
                    return;
                }
            }
        }
    }
}

internal sealed class AnyCondition(Condition[] operands) : Condition
{
    public override Truth Evaluate(Facts facts)
    {
        var result = Truth.False;
        foreach (var operand in operands)
        {
            var truth = operand.Evaluate(facts);
            if (truth == Truth.True)
            {
                return Truth.True;
            }
            if (truth == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }
        return result;
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        Span<Truth> truths = operands.Length <= 16 ? stackalloc Truth[operands.Length] : new Truth[operands.Length];
        var result = Truth.False;
        for (var i = 0; i < operands.Length; i++)
        {
            truths[i] = operands[i].Evaluate(facts);
            result = Kleene.Or(result, truths[i]);
        }
        for (var i = 0; i < operands.Length; i++)
        {
            // A true "any of" is explained by the first that held; a false one by why each failed.
            if (truths[i] == result || result == Truth.False)
            {
                operands[i].Explain(facts, explanation);
                if (result == Truth.True)
                {
                    return;
                }
            }
        }
    }
}

internal sealed class NotCondition(Condition operand) : Condition
{
    public override Truth Evaluate(Facts facts) => Kleene.Not(operand.Evaluate(facts));

    public override void Explain(Facts facts, Explanation explanation) => operand.Explain(facts, explanation);
}

internal sealed class NumberComparison(ComparisonOperator op, NumberNode left, NumberNode right) : Condition
{
    public override Truth Evaluate(Facts facts)
    {
        if (left.Evaluate(facts) is not { } l || right.Evaluate(facts) is not { } r)
        {
            return Truth.Unknown;
        }
        return Kleene.Of(op.Holds(l.CompareTo(r)));
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        switch (Evaluate(facts))
        {
            case Truth.True:
                explanation.Add($"{left.Describe(facts)} {op.Symbol()} {right.Describe(facts)}");
                break;
            case Truth.False:
                explanation.Add($"{left.Describe(facts)}, not {op.Symbol()} {right.Describe(facts)}");
                break;
            default:
                left.ExplainMissing(facts, explanation);
                right.ExplainMissing(facts, explanation);
                break;
        }
    }
}

internal sealed class TextComparison(bool equal, TextNode left, TextNode right) : Condition
{
    /// <summary>The word a <c>kind == X</c> test asks for, or null if this is not such a test.</summary>
    public string? KindTested(Facts facts) =>
        equal && left is ParameterText { Label: "kind" } && right is WordText w ? w.Evaluate(facts) : null;

    /// <summary>The word a <c>kind == X</c> test of the item's kind parameter asks for, or null if this is not such a test.</summary>
    public string? KindRequired => equal && left is ParameterText { Parameter.Name: "kind" } && right is WordText w ? w.Label : null;

    public override Truth Evaluate(Facts facts)
    {
        if (left.Evaluate(facts) is not { } l || right.Evaluate(facts) is not { } r)
        {
            return Truth.Unknown;
        }
        return Kleene.Of(string.Equals(l, r, StringComparison.Ordinal) == equal);
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        var truth = Evaluate(facts);
        if (truth == Truth.Unknown)
        {
            left.ExplainMissing(facts, explanation);
            right.ExplainMissing(facts, explanation);
            return;
        }
        // Reads as "kind is lithography" or "kind is etch, not lithography", whichever side the fact is on.
        var (fact, word) = left is WordText && right is not WordText ? (right, left) : (left, right);
        var actual = fact.Evaluate(facts);
        var expected = word.Evaluate(facts);
        if (actual == expected)
        {
            explanation.Add($"{fact.Label} is {actual}");
        }
        else
        {
            explanation.Add($"{fact.Label} is {actual}, not {expected}");
        }
    }
}

/// <summary><c>to in [CN, MO]</c>: membership in a fixed set of words or codes.</summary>
internal sealed class SetMembership(TextNode element, FrozenSet<string> set, string setText, bool negated) : Condition
{
    public override Truth Evaluate(Facts facts) =>
        element.Evaluate(facts) is { } value ? Kleene.Of(set.Contains(value) != negated) : Truth.Unknown;

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (element.Evaluate(facts) is not { } value)
        {
            element.ExplainMissing(facts, explanation);
            return;
        }
        explanation.Add($"{element.Describe(facts)} {(set.Contains(value) ? "is in" : "is not in")} {setText}");
    }
}

/// <summary>
/// <c>to in eu.member-states</c>: membership in a country group on the transaction's date, because
/// groups change (the United Kingdom left the EU customs territory on 2021-01-01).
/// </summary>
internal sealed class GroupMembership(TextNode element, CountryGroup group, bool negated) : Condition
{
    public override Truth Evaluate(Facts facts) =>
        element.Evaluate(facts) is { } value ? Kleene.Of(group.Contains(value, facts.Day) != negated) : Truth.Unknown;

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (element.Evaluate(facts) is not { } value)
        {
            element.ExplainMissing(facts, explanation);
            return;
        }
        var member = group.Contains(value, facts.Day);
        explanation.Add($"{element.Describe(facts)} {(member ? "is in" : "is not in")} {group.Id} on {facts.DateText}");
    }
}

/// <summary>A country group with each member's own period, compiled for lookup by country then date.</summary>
public sealed class CountryGroup(string id, FrozenDictionary<string, EffectivePeriod[]> members)
{
    // The same periods as day numbers, for the per-decision test.
    private readonly FrozenDictionary<string, DayRange[]> _days =
        members.ToFrozenDictionary(m => m.Key, m => m.Value.Select(DayNumber.Of).ToArray(), StringComparer.Ordinal);

    public string Id { get; } = id;

    /// <summary>Whether the country is a member on the day (<see cref="Facts.Day"/>).</summary>
    internal bool Contains(string country, int day)
    {
        if (!_days.TryGetValue(country, out var periods))
        {
            return false;
        }
        foreach (var period in periods)
        {
            if (period.Contains(day))
            {
                return true;
            }
        }
        return false;
    }

    public bool Contains(string country, LocalDate date)
    {
        if (!members.TryGetValue(country, out var periods))
        {
            return false;
        }
        foreach (var period in periods)
        {
            if (period.Contains(date))
            {
                return true;
            }
        }
        return false;
    }

}
