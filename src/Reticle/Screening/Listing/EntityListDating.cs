using NodaTime;
using Reticle.Model;

namespace Reticle.Screening.Listing;

/// <summary>
/// Dates an Entity List entry from its Federal Register citations. The earliest citation (by volume, then page)
/// is the rule that listed it: Supplement No. 4 to part 744 appends the citation of each later rule that revises an
/// entry (a new address, alias or licence requirement) to the entry's citations, so every other citation is later.
/// An entry removed and later listed again is dated from its first listing, which treats it as listed in between:
/// the safe side.
/// </summary>
public static class EntityListDating
{
    /// <summary>
    /// How long before its publication a rule known only by its publication date may already have taken effect.
    /// Bureau of Industry and Security rules often take effect on the day they are displayed for public inspection,
    /// a few days before publication (90 FR 14046: effective 2025-03-25, published 2025-03-28; 85 FR 83416: effective
    /// 2020-12-18, published 2020-12-22); an act within this window before publication is treated as listed.
    /// </summary>
    public const int EffectiveBeforePublicationDays = 14;

    /// <summary>The listing date of an entry with Federal Register text <paramref name="federalRegister"/>.</summary>
    public static ListingDate FromCitations(string? federalRegister, FederalRegisterPages pages)
    {
        var citations = FederalRegisterCitation.Parse(federalRegister);
        if (citations.IsEmpty)
        {
            return ListingDate.Unknown(string.IsNullOrWhiteSpace(federalRegister)
                ? "no Federal Register citation"
                : $"no Federal Register citation with a page in '{federalRegister.Trim()}'");
        }
        var earliest = FederalRegisterCitation.Earliest(citations);
        if (earliest.Page is null)
        {
            return ListingDate.Unknown($"its earliest citation, {earliest.Volume} FR, gives no page");
        }
        if (pages.Find(earliest) is not { } document)
        {
            return ListingDate.Unknown($"{earliest} is not in the Federal Register page table");
        }
        if (document.Effective is { } effective)
        {
            return new ListingDate(effective, effective, Cited(earliest, document));
        }
        return new ListingDate(document.Published.PlusDays(-EffectiveBeforePublicationDays), document.Published,
            $"{earliest}, published {Time.EffectivePeriod.Format(document.Published)}; its effective date is not in the table");
    }

    /// <summary>
    /// The listing date once a snapshot published on <paramref name="heldOn"/> is known to have held the entry: it was
    /// listed by then. Where the citations date it later than that, they are wrong for this entry (a typing error, or a
    /// citation list restarted), so they bound nothing from below any more.
    /// </summary>
    public static ListingDate HeldBy(ListingDate cited, LocalDate heldOn, string snapshot)
    {
        if (cited.By is { } by && by <= heldOn)
        {
            return cited;
        }
        var basis = $"in the {snapshot} snapshot of {Time.EffectivePeriod.Format(heldOn)}";
        return cited.NotBefore is { } from && from <= heldOn
            ? new ListingDate(from, heldOn, $"{basis}; {cited.Basis}")
            : new ListingDate(null, heldOn, basis);
    }

    private static string Cited(FederalRegisterCitation citation, FederalRegisterDocument document) =>
        document.Effective == document.Published || document.Effective is null
            ? citation.ToString()
            : $"{citation}, published {Time.EffectivePeriod.Format(document.Published)}";
}
