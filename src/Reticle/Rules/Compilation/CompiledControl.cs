using NodaTime;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>One version of a control entry ("NL-SME-2023 3B001.f.4"), compiled.</summary>
public sealed class CompiledControl
{
    internal CompiledControl(string qualifiedId, ControlEntryDefinition definition, RulePack pack, EffectivePeriod effective, Condition condition, int slot)
    {
        QualifiedId = qualifiedId;
        Definition = definition;
        Pack = pack;
        Effective = effective;
        Condition = condition;
        Slot = slot;
        Days = DayNumber.Of(effective);
        Kind = condition switch
        {
            AllCondition { Operands: [TextComparison first, ..] } => first.KindRequired,
            TextComparison only => only.KindRequired,
            _ => null,
        };
    }

    /// <summary><see cref="Effective"/> as day numbers, for the per-decision test.</summary>
    internal DayRange Days { get; }

    /// <summary>
    /// The kind of item the entry is about when its condition starts with <c>kind == X</c> (it cannot hold for an
    /// item of another kind, except through a parent item), else null.
    /// </summary>
    internal string? Kind { get; }

    /// <summary>The control list and paragraph, as findings and classifications show it.</summary>
    public string QualifiedId { get; }

    public ControlEntryDefinition Definition { get; }
    /// <summary>The pack this entry belongs to (its source: the compiled pack is built from its entries, so after them).</summary>
    public RulePack Pack { get; }
    public EffectivePeriod Effective { get; }
    public Condition Condition { get; }

    /// <summary>Index of this entry in <see cref="Facts"/>' per-transaction cache.</summary>
    internal int Slot { get; }

    public Confidence Confidence => Definition.Confidence ?? Pack.Confidence;

    /// <summary>
    /// Whether the item falls under this entry. The item's parameters decide where they can; where
    /// they cannot, a classification the exporter declared for this jurisdiction decides.
    /// </summary>
    public Truth Evaluate(Facts facts)
    {
        if (facts.ControlTruth[Slot] is { } cached)
        {
            return cached;
        }
        var truth = Condition.Evaluate(facts);
        if (truth == Truth.Unknown && DeclaredClassification(facts) is { } declared)
        {
            truth = Covers(declared) ? Truth.True : Truth.False;
        }
        if (truth != Truth.True && Definition.IncludesComponents && facts.ComponentParent is { } parent)
        {
            truth = Kleene.Or(truth, Evaluate(parent));
        }
        facts.ControlTruth[Slot] = truth;
        return truth;
    }

    /// <summary>Why the item does or does not fall under this entry, worked out once per transaction.</summary>
    internal ControlExplanation Explained(Facts facts)
    {
        if (facts.ControlExplanation(Slot) is { } cached)
        {
            return cached;
        }
        var inner = facts.RentExplanation();
        Explain(facts, inner);
        var explained = new ControlExplanation(inner.BecauseText, inner.MissingArray());
        facts.RememberControlExplanation(Slot, explained);
        facts.Return(inner);
        return explained;
    }

    public void Explain(Facts facts, Explanation explanation)
    {
        if (Definition.IncludesComponents && facts.ComponentParent is { } parent && Condition.Evaluate(facts) != Truth.True
            && Evaluate(parent) != Truth.False)
        {
            var inner = Explained(parent);
            var verdict = Evaluate(parent) == Truth.True ? "falls" : "may fall";
            explanation.Add($"specially designed component for {parent.Transaction.Item.Sku ?? "its parent item"}, which {verdict} under {QualifiedId} ({inner.Because})");
            if (inner.Missing.Length > 0)
            {
                explanation.AddMissing(inner.Missing, "item.parent.");
            }
            return;
        }
        if (Condition.Evaluate(facts) == Truth.Unknown && DeclaredClassification(facts) is { } declared)
        {
            explanation.Add(Covers(declared)
                ? $"declared classification {declared} falls under {QualifiedId}"
                : $"declared classification {declared} is not {QualifiedId}");
            return;
        }
        Condition.Explain(facts, explanation);
    }

    /// <summary>
    /// The kind of item this entry is about, when the item is of another kind (its condition starts with
    /// <c>kind == X</c> and that fails): such entries are summarised rather than explained one by one.
    /// </summary>
    internal string? OtherKind(Facts facts) =>
        Condition is AllCondition { Operands: [TextComparison kindTest, ..] } && kindTest.KindTested(facts) is { } kind
            && kindTest.Evaluate(facts) == Truth.False && Evaluate(facts) == Truth.False
            ? kind : null;

    private string? DeclaredClassification(Facts facts) =>
        facts.Transaction.Item.Classifications.TryGetValue(Pack.Jurisdiction, out var declared) ? declared : null;

    private bool Covers(string declared)
    {
        var id = Definition.Id;
        var code = declared.StartsWith(Pack.ControlList + " ", StringComparison.Ordinal)
            ? declared[(Pack.ControlList!.Length + 1)..]
            : declared;
        return code == id || code.StartsWith(id + ".", StringComparison.Ordinal);
    }
}
