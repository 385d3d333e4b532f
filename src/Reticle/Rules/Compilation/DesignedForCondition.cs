namespace Reticle.Rules.Compilation;

/// <summary>
/// <c>designedFor(EU, [3B501.f.1, 3B501.k])</c>: the item is specially designed for an item (its
/// <c>speciallyDesignedFor</c>, completed from the catalogue) that falls under those entries. Software and
/// technology entries are defined this way ("software specially designed for the use of equipment specified
/// in 3B501.f.1", Annex I 3D002): the same question as <c>classified(...)</c>, asked of the parent item.
/// Unknown when the item does not say what it is designed for: that is a missing fact, never a no.
/// </summary>
internal sealed class DesignedForCondition(ClassifiedCondition parentClassified, string what) : Condition
{
    public override Truth Evaluate(Facts facts) =>
        facts.Parent is { } parent ? parentClassified.Evaluate(parent) : Truth.Unknown;

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (facts.Parent is not { } parent)
        {
            explanation.AddMissing("item.speciallyDesignedFor");
            explanation.Add($"not said which item it is specially designed for (item.speciallyDesignedFor; {what})");
            return;
        }
        var nested = parent.RentExplanation();
        parentClassified.Explain(parent, nested);
        explanation.Add($"specially designed for {parent.Transaction.Item.Sku ?? "its parent item"}: {nested.BecauseText}");
        if (nested.HasMissing)
        {
            explanation.AddMissing(nested, "item.parent.");
        }
        parent.Return(nested);
    }
}
