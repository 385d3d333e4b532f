using System.Collections.Immutable;
using NodaTime;
using Reticle.Rules.Packs;

namespace Reticle.Rules.Diff;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>The result of <see cref="PackDiff.Compare"/>: the packs compared and what changed between them.</summary>
public sealed record RuleChanges(ImmutableArray<PackVersion> Before, ImmutableArray<PackVersion> After, ImmutableArray<EntryChange> Entries, ImmutableArray<RequirementChange> Requirements);

/// <summary>A pack as the diff names it: id, jurisdiction, publication and period, and its file's hash.</summary>
public sealed record PackVersion(string Id, string Jurisdiction, LocalDate Published, Time.EffectivePeriod Effective, string Sha256)
{
    public static PackVersion Of(RulePack p) => new(p.Id, p.Jurisdiction, p.Published, p.Effective, p.Sha256);
}

/// <summary>A control entry on one side: where it is listed, its condition and the thresholds in it, and its period.</summary>
public sealed record EntryVersion(string Jurisdiction, string Id, string Pack, string QualifiedId, string? Title, string When, ImmutableArray<string> Thresholds, string? Citation, string Effective);

/// <summary>A requirement rule on one side.</summary>
public sealed record RequirementVersion(string Jurisdiction, string Id, string Pack, string? Title, ImmutableArray<string> Activities, ImmutableArray<string> Items, string? When,
    ImmutableArray<string> Thresholds, string Effect, string Citation, string Effective);

/// <param name="Fields">What differs when <see cref="Kind"/> is <see cref="ChangeKind.Changed"/>: title, when, citation, effective.</param>
public sealed record EntryChange(ChangeKind Kind, string Jurisdiction, string Id, EntryVersion? Before, EntryVersion? After, ImmutableArray<string> Fields);

/// <param name="Fields">What differs: title, activities, items, when, effect, citation, effective.</param>
public sealed record RequirementChange(ChangeKind Kind, string Jurisdiction, string Id, RequirementVersion? Before, RequirementVersion? After, ImmutableArray<string> Fields);
