using Reticle.Model;

namespace Reticle.Rules.Compilation;

/// <summary>
/// A fact of the person an <c>anyPerson(...)</c> test is looking at: whether they are a US person,
/// where their employer or its majority owner is headquartered (EAR §744.6(d)(4)).
/// </summary>
internal sealed class PersonFactText(TextKind kind, string label, string field, Func<Person, string?> read) : TextNode(kind)
{
    public override string Label => label;

    public override string? Evaluate(Facts facts) => facts.CurrentPerson is { } person ? read(person) : null;

    public override string Describe(Facts facts) => $"{label} {Evaluate(facts) ?? "(not given)"}";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Evaluate(facts) is null)
        {
            // Explaining is off the hot path: the path is built only for a finding that shows it.
            var path = $"personnel[{facts.CurrentPersonIndex}].{field}";
            explanation.AddMissing(path);
            explanation.Add($"{label} not given ({path})");
        }
    }
}
