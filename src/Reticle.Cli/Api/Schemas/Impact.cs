using System.ComponentModel;
using Outcomes = Reticle.Determination.Outcome;

namespace Reticle.Cli.Api.Schemas;

// POST /impact and the report ImpactJson writes (CONTRACT §6).

internal sealed record ImpactRequest
{
    [Format(FormatAttribute.Date), Description("What was known at this date ...")]
    public required string KnownAt { get; init; }

    [Format(FormatAttribute.Date), Description("... against what is known at this one (today if left out).")]
    public string? Vs { get; init; }

    [Description("Also list orders whose only movement is a jurisdiction between not-applicable and permitted (reticle impact --all).")]
    public bool? All { get; init; }
}

[Description("The impact report (CONTRACT §6): the open orders whose outcome changes materially between what was known at two dates, and why.")]
internal sealed record ImpactReport
{
    [Format(FormatAttribute.Date)]
    public required string KnownAt { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Vs { get; init; }

    public required int Evaluated { get; init; }

    [Description("Orders without a material change.")]
    public required int Unchanged { get; init; }

    [Description("Orders whose only movement is a jurisdiction between not-applicable and permitted; in changes only when all was asked for.")]
    public required int Immaterial { get; init; }

    public required IReadOnlyList<ImpactChange> Changes { get; init; }

    [Description("The value of the orders whose outcome got worse, one total per currency.")]
    public required IReadOnlyList<Money> ValueAtStake { get; init; }

    [Description("Changes for the worse whose order states no value (not in valueAtStake).")]
    public required int WorseWithoutValue { get; init; }
}

internal sealed record ImpactChange
{
    public required string Transaction { get; init; }

    [Format(FormatAttribute.Date)]
    public required string Date { get; init; }

    [Description("The order's value; null when it states none.")]
    public required Money? Value { get; init; }

    [Description("An outcome moved between go, licensed, license-required, review and prohibited, or the covering licence changed.")]
    public required bool Material { get; init; }

    [Description("The overall outcome is worse after than before: the value is at stake.")]
    public required bool Worse { get; init; }

    public required ImpactSide Before { get; init; }

    public required ImpactSide After { get; init; }

    public required IReadOnlyList<string> Because { get; init; }
}

[Description("One side of a change: the outcome and the jurisdictions' determinations, with the versions decided with.")]
internal sealed record ImpactSide
{
    [WireValues(typeof(Outcomes))]
    public required string Outcome { get; init; }

    public required IReadOnlyList<JurisdictionDetermination> Jurisdictions { get; init; }

    public required IReadOnlyDictionary<string, string> RuleVersions { get; init; }

    public required IReadOnlyDictionary<string, string> ListVersions { get; init; }
}
