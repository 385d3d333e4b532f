using System.Collections.Frozen;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>
/// A named condition from <c>definitions.conditions</c>. A finding that depends on it says only whether it
/// held ("not subject to the EAR"); why it held is explained once per jurisdiction, in the
/// determination's list of conditions, instead of again in every finding.
/// </summary>
internal sealed class NamedConditionNode(string label, Condition inner, int slot) : Condition
{
    // Several rules ask the same named question ("subject to the EAR?") of one transaction: answer it once.
    public override Truth Evaluate(Facts facts) => facts.NamedTruth[slot] ??= inner.Evaluate(facts);

    // The same words every time: made once.
    private readonly string _notLabel = $"not {label}";
    private readonly string _undeterminedLabel = $"{label}: undetermined";

    public override void Explain(Facts facts, Explanation explanation)
    {
        facts.NoteNamedUse(slot);
        var result = facts.NamedExplanation[slot] ??= Describe(facts);
        explanation.Add(result.Truth switch
        {
            Truth.True => label,
            Truth.False => _notLabel,
            _ => _undeterminedLabel,
        });
        if (result.Missing.Length > 0)
        {
            explanation.AddMissing(result.Missing);
        }
    }

    private NamedConditionResult Describe(Facts facts)
    {
        var nested = facts.RentExplanation();
        inner.Explain(facts, nested);
        var result = new NamedConditionResult(label, Evaluate(facts), nested.BecauseText, nested.MissingArray());
        facts.Return(nested);
        return result;
    }
}

/// <summary>A named condition as decided for one transaction: whether it held and why.</summary>
public sealed record NamedConditionResult(string Label, Truth Truth, string Because, string[] Missing);

/// <summary>
/// <c>classified(NL)</c> / <c>classified(from)</c>: the item falls under a control entry in force of
/// that jurisdiction's lists. An explicit reference from one regime's rules to another's lists.
/// </summary>
internal sealed class ClassifiedCondition(TextNode jurisdiction, IReadOnlyList<string>? entries, ControlDirectory directory, int slot) : Condition
{
    // The entries this test looks at, per jurisdiction, selected once: the directory is complete by the
    // time anything is evaluated. Only entries with this paragraph id or below it count.
    private readonly Lazy<FrozenDictionary<string, ControlIndex>> _selected = new(() => directory.Jurisdictions.ToFrozenDictionary(
        code => code, code => Select(directory, entries, code), StringComparer.Ordinal));

    // classified(US) names its jurisdiction outright (only classified(from) and the like read it from the act): its entries are found once.
    private readonly Lazy<ControlIndex?> _fixed = new(() => jurisdiction is WordText { Label: var code } && directory.Knows(code)
        ? Select(directory, entries, code) : null);

    private static ControlIndex Select(ControlDirectory directory, IReadOnlyList<string>? entries, string code) =>
        new(directory.Of(code).Where(c => entries is null || entries.Any(entry => c.Definition.Id == entry
            || c.Definition.Id.StartsWith(entry + ".", StringComparison.Ordinal))));

    // The selected entries in force on the act's day, without those for another kind of item (which cannot hold).
    private CompiledControl[] Selected(string code, Facts facts) =>
        (_fixed.Value ?? (_selected.Value.TryGetValue(code, out var index) ? index : null))?.For(facts.Day, facts.Kind) ?? [];

    private readonly string? _entries = entries is null ? null : string.Join(" / ", entries);

    // "a NL control list" or "US 3B001.c / 3B001.d", written straight into the reasons.
    private void AppendWhat(Explanation explanation, string code)
    {
        if (_entries is null)
        {
            explanation.Append("a ");
            explanation.Append(code);
            explanation.Append(" control list");
        }
        else
        {
            explanation.Append(code);
            explanation.Append(" ");
            explanation.Append(_entries);
        }
    }

    // Every rule of a regime may ask this (classified(US) on each end-use row), and the answer scans
    // that regime's whole list: answer it once per transaction.
    public override Truth Evaluate(Facts facts) => facts.ClassifiedTruth[slot] ??= Decide(facts);

    private Truth Decide(Facts facts)
    {
        if (jurisdiction.Evaluate(facts) is not { } code)
        {
            return Truth.Unknown;
        }
        var result = Truth.False;
        foreach (var control in Selected(code, facts))
        {
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
        // One pass: the entries the item falls under, else those that could not be decided.
        List<CompiledControl>? listed = null;
        List<CompiledControl>? undetermined = null;
        foreach (var control in Selected(code, facts))
        {
            switch (control.Evaluate(facts))
            {
                case Truth.True:
                    (listed ??= []).Add(control);
                    break;
                case Truth.Unknown:
                    (undetermined ??= []).Add(control);
                    break;
            }
        }
        if (listed is not null)
        {
            // "item is on US 3B001.c (US-CCL 3B001.c.1.a, …)"
            explanation.Open();
            explanation.Append("item is on ");
            AppendWhat(explanation, code);
            explanation.Append(" (");
            for (var i = 0; i < listed.Count; i++)
            {
                explanation.Append(i == 0 ? "" : ", ");
                explanation.Append(listed[i].QualifiedId);
            }
            explanation.Append(")");
            explanation.Close();
            return;
        }
        if (undetermined is null)
        {
            explanation.Open();
            explanation.Append("item is not on ");
            AppendWhat(explanation, code);
            explanation.Append(" in force on ");
            explanation.Append(facts.DateText);
            explanation.Close();
            return;
        }
        foreach (var control in undetermined)
        {
            var inner = control.Explained(facts);
            explanation.Add($"{control.QualifiedId} undetermined: {inner.Because}");
            if (inner.Missing.Length > 0)
            {
                explanation.AddMissing(inner.Missing);
            }
        }
    }
}

/// <summary>
/// <c>listed(EL)</c> / <c>listed(EL, footnote = 5)</c>: a party of the transaction is on that list
/// (with that footnote). A confirmed match is true; a potential match, or parties not screened, is
/// unknown (review); screened without a hit is false. An entry listed after the act's date is not on
/// the list for that act; one whose listing date is unknown is treated as listed (and the finding says so).
/// </summary>
internal sealed class ListedCondition(string list, int? footnote) : Condition
{
    private bool Matches(PartyListing listing) =>
        listing.Via is null && listing.List == list && (footnote is not { } f || listing.Footnotes.Contains(f));

    // Listed on the act's date: a listing dated after it does not apply to this act.
    private static bool InForce(PartyListing listing, Facts facts) =>
        listing.Listed?.For(facts.Date) != ListingStatus.NotYetListed;

    public override Truth Evaluate(Facts facts)
    {
        if (facts.Listings is not { } listings)
        {
            return facts.Transaction.Parties.IsDefaultOrEmpty ? Truth.False : Truth.Unknown;
        }
        var result = Truth.False;
        foreach (var listing in listings)
        {
            if (Matches(listing) && InForce(listing, facts))
            {
                // A listing whose requirement reaches only some items (projects, listed CCL items) needs a reviewer.
                if (listing.Confirmed && listing.CoversAllItems)
                {
                    return Truth.True;
                }
                result = Truth.Unknown;
            }
        }
        return result;
    }

    private string What => footnote is { } f ? $"{list} with footnote {f}" : list;

    /// <summary>
    /// Explains a list test (<c>listed</c>, <c>ownedBy</c>) when the parties were not screened or none were given; false when
    /// they were screened and the caller explains what the screening found.
    /// </summary>
    internal static bool ExplainedUnscreened(Facts facts, Explanation explanation, string list)
    {
        if (facts.Listings is not null)
        {
            return false;
        }
        if (!facts.Transaction.Parties.IsDefaultOrEmpty)
        {
            explanation.AddMissing("parties (screening)");
            explanation.Add($"parties not screened against {list}");
        }
        else
        {
            explanation.Add("no parties given");
        }
        return true;
    }

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (ExplainedUnscreened(facts, explanation, list))
        {
            return;
        }
        var hits = facts.Listings!.Where(Matches).ToList();
        if (hits.Count == 0)
        {
            explanation.Add($"no party is on {What}");
            return;
        }
        foreach (var hit in hits)
        {
            var footnotes = hit.Footnotes.IsDefaultOrEmpty ? "" : $", footnote {string.Join(", ", hit.Footnotes)}";
            var when = hit.Listed is { } listed ? $"; {listed.Describe(facts.Date)}" : "";
            if (!InForce(hit, facts))
            {
                explanation.Add($"{hit.Role.ToWire()} '{hit.PartyName}' {(hit.Confirmed ? "matches" : "may be")} '{hit.EntryName}' on {list}{footnotes}{when}");
                continue;
            }
            var terms = $"{(hit.LicenseRequirement is { } r ? $"; licence requirement: {r}" : "")}{(hit.LicensePolicy is { } p ? $"; review policy: {p}" : "")}";
            explanation.Add(hit.Confirmed
                ? $"{hit.Role.ToWire()} '{hit.PartyName}' is on {list} as '{hit.EntryName}'{footnotes}{when}{terms}"
                : $"{hit.Role.ToWire()} '{hit.PartyName}' may be '{hit.EntryName}' on {list}{footnotes} (potential match, unresolved){when}{terms}");
            if (!hit.Confirmed)
            {
                explanation.AddMissing($"screening decision for '{hit.PartyName}'");
            }
            else if (!hit.CoversAllItems)
            {
                explanation.AddMissing($"whether the {list} entry '{hit.EntryName}' reaches this item (its requirement is limited)");
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
            explanation.AddMissing(path);
            explanation.Add($"{label} not given ({path})");
            return;
        }
        var found = values.Where(words.Contains).ToList();
        explanation.Add(found.Count > 0
            ? $"{label} include {string.Join(", ", found)} (one of {setText})"
            : $"{label} [{string.Join(", ", values)}] include none of {setText}");
    }
}
