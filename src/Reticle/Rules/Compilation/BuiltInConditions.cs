using System.Collections.Frozen;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>A named condition from <c>definitions.conditions</c>, explained under its label.</summary>
internal sealed class NamedConditionNode(string label, Condition inner) : Condition
{
    public override Truth Evaluate(Facts facts) => inner.Evaluate(facts);

    public override void Explain(Facts facts, Explanation explanation)
    {
        var nested = new Explanation();
        inner.Explain(facts, nested);
        var truth = inner.Evaluate(facts);
        var verdict = truth switch
        {
            Truth.True => label,
            Truth.False => $"not {label}",
            _ => $"{label}: undetermined",
        };
        explanation.Add(nested.Because.Count == 0 ? verdict : $"{verdict} ({string.Join("; ", nested.Because)})");
        if (nested.HasMissing)
        {
            explanation.Missing.UnionWith(nested.Missing);
        }
    }
}

/// <summary>
/// <c>classified(NL)</c> / <c>classified(from)</c>: the item falls under a control entry in force of
/// that jurisdiction's lists. An explicit reference from one regime's rules to another's lists.
/// </summary>
internal sealed class ClassifiedCondition(TextNode jurisdiction, string? entry, ControlDirectory directory) : Condition
{
    // Only entries with this paragraph id or below it count ('3B993.f.1' takes in '3B993.f.1.a').
    private bool Selected(CompiledControl control) =>
        (entry is null || control.Definition.Id == entry
            || control.Definition.Id.StartsWith(entry + ".", StringComparison.Ordinal));

    private string What(string code) => entry is null ? $"a {code} control list" : $"{code} {entry}";

    public override Truth Evaluate(Facts facts)
    {
        if (jurisdiction.Evaluate(facts) is not { } code)
        {
            return Truth.Unknown;
        }
        var result = Truth.False;
        foreach (var control in directory.Of(code))
        {
            if (!control.Effective.Contains(facts.Date) || !Selected(control))
            {
                continue;
            }
            var truth = control.Evaluate(facts);
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
        if (jurisdiction.Evaluate(facts) is not { } code)
        {
            jurisdiction.ExplainMissing(facts, explanation);
            return;
        }
        var inForce = directory.Of(code).Where(c => c.Effective.Contains(facts.Date) && Selected(c)).ToList();
        var listed = inForce.Where(c => c.Evaluate(facts) == Truth.True).Select(c => c.QualifiedId).ToList();
        if (listed.Count > 0)
        {
            explanation.Add($"item is on {What(code)} ({string.Join(", ", listed)})");
            return;
        }
        var undetermined = inForce.Where(c => c.Evaluate(facts) == Truth.Unknown).ToList();
        if (undetermined.Count == 0)
        {
            explanation.Add($"item is not on {What(code)} in force on {EffectivePeriod.Format(facts.Date)}");
            return;
        }
        foreach (var control in undetermined)
        {
            var inner = new Explanation();
            control.Explain(facts, inner);
            explanation.Add($"{control.QualifiedId} undetermined: {string.Join("; ", inner.Because)}");
            if (inner.HasMissing)
            {
                explanation.Missing.UnionWith(inner.Missing);
            }
        }
    }
}

/// <summary>
/// <c>listed(EL)</c> / <c>listed(EL, footnote = 5)</c>: a party of the transaction is on that list
/// (with that footnote). A confirmed match is true; a potential match, or parties not screened, is
/// unknown (review); screened without a hit is false.
/// </summary>
internal sealed class ListedCondition(string list, int? footnote) : Condition
{
    private bool Matches(PartyListing listing) =>
        listing.List == list && (footnote is not { } f || listing.Footnotes.Contains(f));

    public override Truth Evaluate(Facts facts)
    {
        if (facts.Listings is not { } listings)
        {
            return facts.Transaction.Parties.IsDefaultOrEmpty ? Truth.False : Truth.Unknown;
        }
        var result = Truth.False;
        foreach (var listing in listings)
        {
            if (Matches(listing))
            {
                if (listing.Confirmed)
                {
                    return Truth.True;
                }
                result = Truth.Unknown;
            }
        }
        return result;
    }

    private string What => footnote is { } f ? $"{list} with footnote {f}" : list;

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (facts.Listings is null)
        {
            if (!facts.Transaction.Parties.IsDefaultOrEmpty)
            {
                explanation.Missing.Add("parties (screening)");
                explanation.Add($"parties not screened against {list}");
            }
            else
            {
                explanation.Add("no parties given");
            }
            return;
        }
        var hits = facts.Listings.Where(Matches).ToList();
        if (hits.Count == 0)
        {
            explanation.Add($"no party is on {What}");
            return;
        }
        foreach (var hit in hits)
        {
            var footnotes = hit.Footnotes.IsDefaultOrEmpty ? "" : $", footnote {string.Join(", ", hit.Footnotes)}";
            explanation.Add(hit.Confirmed
                ? $"{hit.Role.ToWire()} '{hit.PartyName}' is on {list} as '{hit.EntryName}'{footnotes}"
                : $"{hit.Role.ToWire()} '{hit.PartyName}' may be '{hit.EntryName}' on {list}{footnotes} (potential match, unresolved)");
            if (!hit.Confirmed)
            {
                explanation.Missing.Add($"screening decision for '{hit.PartyName}'");
            }
        }
    }
}

/// <summary><c>item.usTechnologyInputs includes [3D992, 3E992]</c>: any of the words is in a list-valued fact.</summary>
internal sealed class IncludesCondition(string label, string path, Func<Facts, IReadOnlyCollection<string>?> read, FrozenSet<string> words, string setText) : Condition
{
    public override Truth Evaluate(Facts facts)
    {
        if (read(facts) is not { } values)
        {
            return Truth.Unknown;
        }
        foreach (var value in values)
        {
            if (words.Contains(value))
            {
                return Truth.True;
            }
        }
        return Truth.False;
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (read(facts) is not { } values)
        {
            explanation.Missing.Add(path);
            explanation.Add($"{label} not given ({path})");
            return;
        }
        var found = values.Where(words.Contains).ToList();
        explanation.Add(found.Count > 0
            ? $"{label} include {string.Join(", ", found)} (one of {setText})"
            : $"{label} [{string.Join(", ", values)}] include none of {setText}");
    }
}
