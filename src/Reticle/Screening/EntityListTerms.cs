using System.Collections.Immutable;

namespace Reticle.Screening;

/// <summary>How BIS will review a licence application for an Entity List party (Supp. 4 to Part 744, "License review policy").</summary>
public enum ReviewPolicy
{
    PresumptionOfDenial,
    PolicyOfDenial,
    CaseByCase,
    PresumptionOfApproval,
    SeeRegulation,
    Other,
}

/// <summary>
/// An Entity List entry's terms as data: whether its licence requirement reaches every item subject to
/// the EAR or only some (projects, listed CCL items), its footnotes, and its review policy. Parsed from
/// the CSL's free text; anything not recognised stays as text and is treated as a qualified scope, so
/// the engine asks a reviewer rather than guessing.
/// </summary>
public sealed record EntityListTerms(bool CoversAllItems, ImmutableArray<int> Footnotes, ReviewPolicy Policy, string? RequirementText, string? PolicyText)
{
    public static EntityListTerms Parse(string? requirement, string? policy)
    {
        var text = (requirement ?? "").Trim().TrimStart('(').ToLowerInvariant();
        var all = (text.StartsWith("for all items subject to the ear", StringComparison.Ordinal)
                || text.StartsWith("all items subject to the ear", StringComparison.Ordinal))
            && !text.Contains("when used", StringComparison.Ordinal)
            && !text.Contains("except", StringComparison.Ordinal);
        return new EntityListTerms(all, EntityListFootnotes.Parse(requirement), PolicyOf(policy), requirement, policy);
    }

    private static ReviewPolicy PolicyOf(string? policy)
    {
        var text = (policy ?? "").Trim().ToLowerInvariant();
        return text switch
        {
            _ when text.StartsWith("presumption of denial", StringComparison.Ordinal) || text.StartsWith("presumption for denial", StringComparison.Ordinal)
                => ReviewPolicy.PresumptionOfDenial,
            _ when text.StartsWith("policy of denial", StringComparison.Ordinal) => ReviewPolicy.PolicyOfDenial,
            _ when text.StartsWith("case-by-case", StringComparison.Ordinal) || text.StartsWith("case by case", StringComparison.Ordinal)
                => ReviewPolicy.CaseByCase,
            _ when text.StartsWith("presumption of approval", StringComparison.Ordinal) => ReviewPolicy.PresumptionOfApproval,
            _ when text.StartsWith("see ", StringComparison.Ordinal) => ReviewPolicy.SeeRegulation,
            _ => ReviewPolicy.Other,
        };
    }
}
