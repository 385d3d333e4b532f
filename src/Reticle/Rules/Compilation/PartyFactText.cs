using Reticle.Model;

namespace Reticle.Rules.Compilation;

/// <summary>
/// A country fact of one party of the transaction, found by role (the first party with it): where the
/// exporter is located, where the end user is headquartered… Unknown when no party has the role, or
/// the party does not give the field; a finding then names which of the two is missing.
/// </summary>
internal sealed class PartyFactText(PartyRole role, string label, string field, Func<Party, CountryCode?> read) : TextNode(TextKind.Country)
{
    private readonly string _partyPath = $"parties[{role.ToWire()}]";
    private readonly string _fieldPath = $"parties[{role.ToWire()}].{field}";

    public override string Label => label;

    // A loop rather than LINQ: this runs on every evaluation of a rule that asks it.
    private Party? Party(Facts facts)
    {
        foreach (var party in facts.Transaction.Parties)
        {
            if (party.Role == role)
            {
                return party;
            }
        }
        return null;
    }

    public override string? Evaluate(Facts facts) => Party(facts) is { } party ? read(party)?.Value : null;

    public override string Describe(Facts facts) => $"{label} {Evaluate(facts) ?? "(not given)"}";

    public override void ExplainMissing(Facts facts, Explanation explanation)
    {
        if (Party(facts) is null)
        {
            explanation.AddMissing(_partyPath);
            explanation.Add($"{label} not given (no party with role {role.ToWire()}: {_partyPath})");
        }
        else if (Evaluate(facts) is null)
        {
            explanation.AddMissing(_fieldPath);
            explanation.Add($"{label} not given ({_fieldPath})");
        }
    }
}
