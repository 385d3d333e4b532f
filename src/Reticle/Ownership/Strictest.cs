using Reticle.Model;

namespace Reticle.Ownership;

/// <summary>
/// The most-restrictive-owner standard (744.11(a)(1), 744.8(a)(2)) as findings state it: among the listed owners of one
/// party, the broadest licence requirement and the strictest review policy.
/// </summary>
public static class Strictest
{
    /// <summary>"; strictest of its listed owners: licence requirement ... (X); review policy ... (Y)", or "" with one owner and no terms.</summary>
    public static string Of(IReadOnlyList<PartyListing> owners)
    {
        if (owners.Count == 0)
        {
            return "";
        }
        var requirement = owners.Where(o => o.LicenseRequirement is not null).OrderByDescending(o => RequirementRank(o)).FirstOrDefault();
        var policy = owners.Where(o => o.LicensePolicy is not null).OrderByDescending(o => PolicyRank(o.LicensePolicy!)).FirstOrDefault();
        var parts = new List<string>();
        if (requirement is not null)
        {
            parts.Add($"licence requirement: {requirement.LicenseRequirement} ({requirement.EntryName})");
        }
        if (policy is not null)
        {
            parts.Add($"review policy: {policy.LicensePolicy} ({policy.EntryName})");
        }
        return parts.Count == 0 ? "" : $"; {(owners.Count > 1 ? "strictest of its listed owners" : "its listed owner's terms")}: {string.Join("; ", parts)}";
    }

    // All items beats listed items; a footnote (foreign-produced items too) beats none.
    private static int RequirementRank(PartyListing owner) => (owner.CoversAllItems ? 10 : 0) + owner.Footnotes.Length;

    /// <summary>Denial over case-by-case over approval; an unrecognised policy ranks as case-by-case.</summary>
    public static int PolicyRank(string policy)
    {
        var p = policy.ToLowerInvariant();
        return p.Contains("denial", StringComparison.Ordinal) ? 3
            : p.Contains("approval", StringComparison.Ordinal) && !p.Contains("case", StringComparison.Ordinal) ? 1
            : 2;
    }
}
