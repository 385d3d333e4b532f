using System.ComponentModel;
using Confidences = Reticle.Rules.Packs.Confidence;
using Effects = Reticle.Rules.Packs.Effect;
using ExceptionKinds = Reticle.Rules.Packs.ExceptionKind;
using FindingStatuses = Reticle.Determination.FindingStatus;
using Outcomes = Reticle.Determination.Outcome;
using PartyRoles = Reticle.Model.PartyRole;
using ScreeningStatuses = Reticle.Screening.ScreeningStatus;
using Truths = Reticle.Rules.Compilation.Truth;

namespace Reticle.Cli.Api.Schemas;

// The shapes DeterminationJson.Write writes straight to text (CONTRACT §3). They only describe it: the API never
// serialises these types, so writing a decision costs what it did; the API tests validate real answers against them.

[Description("A determination (CONTRACT §3): the overall outcome, each jurisdiction's outcome and findings, the screening hits, and the rule and list versions it was decided with.")]
internal sealed record Determination
{
    [Description("The transaction's id.")]
    public required string Transaction { get; init; }

    [Format(FormatAttribute.Date), Description("The date the act was decided on.")]
    public required string AsOf { get; init; }

    [Format(FormatAttribute.Date), Description("Present when decided with what was known at this date (check --known-at).")]
    public string? KnownAt { get; init; }

    [WireValues(typeof(Outcomes)), Description("The most severe jurisdiction outcome, at least 'review' if a screening hit is unresolved.")]
    public required string Outcome { get; init; }

    public required IReadOnlyList<JurisdictionDetermination> Jurisdictions { get; init; }

    [Description("Screening hits on the transaction's parties.")]
    public required IReadOnlyList<PartyScreeningHit> Screening { get; init; }

    [Description("Parties owned 50 % or more by listed parties (or possibly so) on the act's date, with their paths (BIS Affiliates rule, OFAC's 50 % rule).")]
    public IReadOnlyList<OwnershipFinding>? Ownership { get; init; }

    [Description("Facts of the whole transaction that are missing and hold it at review: \"parties\" when it names no party, so nobody was screened.")]
    public IReadOnlyList<string>? Missing { get; init; }

    [Description("Per jurisdiction, the rule pack versions that decided (pack@version).")]
    public required IReadOnlyDictionary<string, string> RuleVersions { get; init; }

    [Description("Per list dataset, the snapshot screened against (sha256:...).")]
    public required IReadOnlyDictionary<string, string> ListVersions { get; init; }

    [Description("Per ownership dataset, the snapshot the ownership findings came from (sha256:...); present when ownership facts are held.")]
    public IReadOnlyDictionary<string, string>? OwnershipVersions { get; init; }

    [Description("The hash of the whole rule set.")]
    public required string RuleSet { get; init; }
}

internal sealed record JurisdictionDetermination
{
    [Description("US, EU, NL, JP ...")]
    public required string Jurisdiction { get; init; }

    [WireValues(typeof(Outcomes))]
    public required string Outcome { get; init; }

    public required IReadOnlyList<string> Classifications { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    [Description("The licence that covers the act (outcome 'licensed'), else null.")]
    public required CoveringLicense? License { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    [Description("The named conditions the rules tested, and whether each held.")]
    public required IReadOnlyList<ConditionResult> Conditions { get; init; }

    [Description("Present only where a licence was needed and some were looked at: why each did not cover.")]
    public IReadOnlyList<LicenseConsidered>? LicensesConsidered { get; init; }
}

internal sealed record Finding
{
    [Description("The rule's qualified id (pack.rule).")]
    public required string Rule { get; init; }

    [WireValues(typeof(Effects)), Description("What the rule imposes when it applies.")]
    public required string Effect { get; init; }

    [WireValues(typeof(FindingStatuses)), Description("Whether it applied.")]
    public required string Status { get; init; }

    public required string Citation { get; init; }

    [Description("The compared values behind the verdict.")]
    public required string Because { get; init; }

    public string? Title { get; init; }

    [Description("The facts the rule needed but the transaction lacked (outcome 'review').")]
    public IReadOnlyList<string>? Missing { get; init; }

    [Description("Licence exceptions or general authorisations worth considering; never concluded by Reticle.")]
    public IReadOnlyList<LicenseExceptionOption>? LicenseExceptions { get; init; }

    [WireValues(typeof(Confidences)), Description("How the rule was encoded: verified from the primary text, or from a secondary source.")]
    public required string Confidence { get; init; }

    [Description("The rule pack version (pack@version).")]
    public required string RuleVersion { get; init; }
}

internal sealed record LicenseExceptionOption
{
    public required string Id { get; init; }

    [WireValues(typeof(ExceptionKinds))]
    public required string Kind { get; init; }

    public required string? Title { get; init; }

    public required string Citation { get; init; }

    [Description("What the exporter must confirm before relying on it.")]
    public required IReadOnlyList<string> Confirm { get; init; }

    public required string? Because { get; init; }

    [Description("Always false: Reticle never concludes that an exception applies.")]
    public required bool Concluded { get; init; }
}

internal sealed record CoveringLicense
{
    public required string Id { get; init; }

    public required int Line { get; init; }

    public required decimal? RemainingQuantity { get; init; }

    public required Money? RemainingValue { get; init; }
}

internal sealed record ConditionResult
{
    public required string Condition { get; init; }

    [WireValues(typeof(Truths))]
    public required string Holds { get; init; }

    public required string Because { get; init; }
}

internal sealed record LicenseConsidered
{
    public required string Id { get; init; }

    public required int? Line { get; init; }

    public required string Reason { get; init; }
}

[Description("A screening hit on one of the transaction's parties.")]
internal sealed record PartyScreeningHit
{
    [WireValues(typeof(PartyRoles))]
    public required string Role { get; init; }

    [Description("The party's name as given.")]
    public required string Name { get; init; }

    [Description("The list's name.")]
    public required string List { get; init; }

    public required string EntryId { get; init; }

    [Description("The entry's primary name.")]
    public required string EntryName { get; init; }

    [Description("The name or alias that matched.")]
    public required string MatchedName { get; init; }

    public required double Score { get; init; }

    [WireValues(typeof(ScreeningStatuses))]
    public required string Status { get; init; }

    public required IReadOnlyList<string> Explanation { get; init; }

    [Description("Why the hit is left open or not (no pack decides the list; the party is identified as another entry).")]
    public string? Note { get; init; }
}

[Description("An amount of money in a currency (ISO 4217).")]
internal sealed record Money
{
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }
}

[Description("The answer to a batch: one determination per transaction, in order.")]
internal sealed record DeterminationBatch
{
    public required IReadOnlyList<Determination> Determinations { get; init; }
}

[AnyOf(typeof(Determination), typeof(DeterminationBatch))]
[Description("One determination for one transaction; {\"determinations\": [...]} for a batch.")]
internal sealed record DeterminationAnswer;
