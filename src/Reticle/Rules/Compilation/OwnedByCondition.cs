using Reticle.Model;
using Reticle.Ownership;

namespace Reticle.Rules.Compilation;

/// <summary>
/// <c>ownedBy(EL)</c> / <c>ownedBy(EL, footnote = 5)</c> / <c>ownedBy(SDN, regime = ofac)</c>: a party of the transaction is
/// owned 50 % or more, directly or indirectly, individually or in the aggregate, by parties on that list (one of them with
/// that footnote), as the ownership facts held show on the act's date. True when the facts show it; unknown when they could
/// but do not (a share not stated: the finding names it), or when the parties were not screened; false otherwise.
/// </summary>
/// <remarks>
/// Each listed owner comes as a listing of its own, so a rule that tests one footnote or list finds the owner it needs and
/// the strictest rule of all the owners decides: the most-restrictive-owner standard of 744.11(a)(1) and 744.8(a)(2) ("subject
/// to the most restrictive license requirements, license exception eligibility, and license review policy applicable to one or
/// more of its owners"), and 734.9(e) ("even when only one of the owners meets the end-user criteria").
/// </remarks>
internal sealed class OwnedByCondition(string list, int? footnote, OwnershipRegime regime) : Condition
{
    private bool Matches(PartyListing listing) =>
        listing.Via is { } via && via.Regime == regime && listing.List == list && (footnote is not { } f || listing.Footnotes.Contains(f));

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

    public override void Explain(Facts facts, Explanation explanation)
    {
        if (ListedCondition.ExplainedUnscreened(facts, explanation, list))
        {
            return;
        }
        var listings = facts.Listings!;
        // One sentence per party: its ownership finding names every listed owner and path.
        var shown = new HashSet<(PartyRole, string)>();
        foreach (var listing in listings.Where(Matches))
        {
            var via = listing.Via!;
            if (!shown.Add((listing.Role, listing.PartyName)))
            {
                continue;
            }
            var owners = listings.Where(l => l.Via == via && l.Role == listing.Role && l.PartyName == listing.PartyName).ToList();
            var strictest = Strictest.Of(owners);
            explanation.Add(via.Status == OwnershipStatus.Owned
                ? $"{listing.Role.ToWire()} '{listing.PartyName}' is {via.Because} ({regime.Title}){strictest}"
                : $"{listing.Role.ToWire()} '{listing.PartyName}' is {via.Because} ({regime.Title})");
            if (via.Status != OwnershipStatus.Owned)
            {
                explanation.AddMissing(via.Missing);
            }
            else if (!listing.CoversAllItems)
            {
                explanation.AddMissing($"whether the {list} entry '{listing.EntryName}' reaches this item (its requirement is limited)");
            }
        }
        if (shown.Count == 0)
        {
            explanation.Add($"no party is owned 50 % or more by parties on {What} ({regime.Title})");
        }
    }
}
