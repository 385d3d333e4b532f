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

    /// <summary>The entries and rules in force on <paramref name="date"/>.</summary>
    internal PackSlice At(LocalDate date)
    {
        // A pack has a handful of versions of its entries, so a few stretches of dates: scanned from the latest.
        var (starts, slices) = _slices ??= Slice();
        var i = starts.Length - 1;
        while (starts[i] > date)
        {
            i--;
        }
        return slices[i];
    }

    private (LocalDate[] Starts, PackSlice[] Slices)? _slices;

    // Every date on which some entry or rule starts or ends splits the timeline; between two such dates the
    // same entries and rules are in force. Built on first use, once the compiler has set both lists.
    private (LocalDate[] Starts, PackSlice[] Slices) Slice()
    {
        var periods = Controls.Select(c => c.Effective).Concat(Requirements.Select(r => r.Effective));
        var starts = periods.SelectMany(p => p.Until is { } until ? [p.From, until] : new[] { p.From })
            .Append(LocalDate.MinIsoValue).Distinct().Order().ToArray();
        var slices = starts.Select(start => new PackSlice(
            [.. Controls.Where(c => c.Effective.Contains(start))],
            [.. Requirements.Where(r => r.Effective.Contains(start))])).ToArray();
        return (starts, slices);
    }

    /// <summary>What a determination notes when the pack is not in force on its date (the same words every time, so made once).</summary>
    public string NoteWhenNotInForce(LocalDate date) => Effective.From > date
        ? _notYet ??= $"{Source.Id} is not yet in force on this date: it applies from {EffectivePeriod.Format(Effective.From)}"
        : _noLonger ??= $"{Source.Id} no longer applies on this date: it was in force {Effective}";

    private string? _notYet;
    private string? _noLonger;
}
