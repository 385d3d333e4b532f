using NodaTime;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.WhatIf;

/// <summary>
/// The two rule sets a what-if compares: the packs in use, and those plus the drafts, validated together (a draft may use
/// the definitions of the packs in use, add a jurisdiction, or supersede a pack in use). Either both rule sets or the
/// errors, each naming file, line, column and rule; the drafts are never put in force.
/// </summary>
public static class DraftRules
{
    public sealed record Compiled(RuleSet InUse, RuleSet WithDrafts, IReadOnlyList<DraftPack> Drafts);

    /// <param name="knownAt">
    /// Compile the packs in use as known on that date (everything if null). A draft counts as known whatever its
    /// <c>published</c> date says, since asking "what if this were in force" is asking as if it were known: a later date is
    /// read as the knowledge date, so that a draft that supersedes a pack in use ends it where the draft starts.
    /// </param>
    public static Compiled? Compile(IReadOnlyList<RulePack> inUse, IReadOnlyList<RulePackSource> drafts, LocalDate? knownAt, List<PackError> errors)
    {
        var before = errors.Count;
        var draftPacks = RulePackLoader.ReadAll(drafts, errors);
        if (errors.Count > before)
        {
            return null;
        }
        if (draftPacks.Count == 0)
        {
            errors.Add(new PackError(drafts.Count == 0 ? "(drafts)" : drafts[0].File, 0, 0, null, "no draft rule pack given"));
            return null;
        }
        var asKnown = knownAt is { } date ? draftPacks.Select(p => p.Published > date ? p with { Published = date } : p).ToList() : [.. draftPacks];
        var withDrafts = RuleSetCompiler.Compile([.. inUse.Select(p => EndedBy(p, asKnown)), .. asKnown], errors, knownAt);
        var current = withDrafts is null ? null : RuleSetCompiler.Compile(inUse, errors, knownAt);
        return current is null || withDrafts is null ? null : new Compiled(current, withDrafts, [.. draftPacks.Select(DraftPack.Of)]);
    }

    // A pack's period is its own (a new version in force sets the old one's end date by hand, as a publication would). A
    // draft that supersedes a pack in use cannot edit that pack, so the draft's start ends it here, for the what-if only.
    private static RulePack EndedBy(RulePack pack, IReadOnlyList<RulePack> drafts)
    {
        var successors = drafts.Where(d => d.Supersedes.Contains(pack.Id, StringComparer.Ordinal)).Select(d => d.Effective.From).ToList();
        if (successors.Count == 0)
        {
            return pack;
        }
        var end = successors.Min();
        return pack.Effective.Until is { } until && until <= end || end <= pack.Effective.From ? pack
            : pack with { Effective = EffectivePeriod.Create(pack.Effective.From, end) };
    }
}
