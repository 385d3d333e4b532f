using System.Collections.Immutable;
using Reticle.Rules.Packs;

namespace Reticle.Determination;

/// <summary>
/// One rule's verdict on one transaction, with the citation and the compared values behind it.
/// <see cref="Effect"/> is what the rule imposes when it applies; <see cref="Status"/> says whether it did.
/// </summary>
public sealed record Finding(
    string Rule,
    string? Title,
    Effect Effect,
    FindingStatus Status,
    string Citation,
    string Because,
    ImmutableArray<string> Missing,
    Confidence Confidence,
    string PackVersion)
{
    /// <summary>Licence exceptions or general authorisations that may overcome the requirement; never concluded by Reticle.</summary>
    public ImmutableArray<ExceptionOption> Exceptions { get; init; } = [];
}

/// <summary>A licence exception or general authorisation worth considering, and what the exporter must confirm before relying on it.</summary>
public sealed record ExceptionOption(string Id, ExceptionKind Kind, string? Title, string Citation, ImmutableArray<string> Confirm, string? Because);

public static class ExceptionKindNames
{
    public static string ToWire(this ExceptionKind kind) =>
        kind == ExceptionKind.GeneralAuthorisation ? "general-authorisation" : "license-exception";
}

public static class EffectNames
{
    public static string ToWire(this Effect effect) => effect switch
    {
        Effect.LicenseRequired => "license-required",
        Effect.Review => "review",
        _ => "prohibited",
    };

    public static Outcome ToOutcome(this Effect effect) => effect switch
    {
        Effect.LicenseRequired => Outcome.LicenseRequired,
        Effect.Review => Outcome.Review,
        _ => Outcome.Prohibited,
    };
}
