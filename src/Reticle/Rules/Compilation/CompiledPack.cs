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

    /// <summary>What a determination notes when the pack is not in force on its date (the same words every time, so made once).</summary>
    public string NoteWhenNotInForce(LocalDate date) => Effective.From > date
        ? _notYet ??= $"{Source.Id} is not yet in force on this date: it applies from {EffectivePeriod.Format(Effective.From)}"
        : _noLonger ??= $"{Source.Id} no longer applies on this date: it was in force {Effective}";

    private string? _notYet;
    private string? _noLonger;
}
