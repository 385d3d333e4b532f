using NodaTime;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>A rule pack after compilation: its reach, entries and requirements ready to evaluate.</summary>
public sealed class CompiledPack
{
    internal CompiledPack(RulePack source) => Source = source;

    public RulePack Source { get; }

    public Condition? Reach { get; internal set; }

    public IReadOnlyList<CompiledControl> Controls { get; internal set; } = [];

    public IReadOnlyList<CompiledRequirement> Requirements { get; internal set; } = [];

    /// <summary>
    /// The pack's period as known to this rule set: its own, except that an end date set by a
    /// successor not yet published on the rule set's knowledge date is left open (before the
    /// successor was known, the old version looked open-ended).
    /// </summary>
    public EffectivePeriod Effective { get; internal set; } = EffectivePeriod.Always;

    public bool InForce(LocalDate date) => Effective.Contains(date);

    public static EffectivePeriod? Narrow(EffectivePeriod pack, EffectivePeriod? own) => own is null ? pack : pack.Intersect(own);
}
