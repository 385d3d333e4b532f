using NodaTime;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>
/// A rule pack after compilation: its reach, entries and requirements ready to evaluate. Built whole by the compiler
/// once everything in it is compiled, and never changed afterwards: rule sets are shared by every decision (and
/// across threads in the API), so nothing in them may be filled in later.
/// </summary>
public sealed class CompiledPack
{
    private readonly LocalDate[] _starts;
    private readonly PackSlice[] _slices;
    private readonly string _notYet;
    private readonly string _noLonger;

    internal CompiledPack(RulePack source, EffectivePeriod effective, Condition? reach, IReadOnlyList<CompiledControl> controls,
        IReadOnlyList<CompiledRequirement> requirements)
    {
        Source = source;
        Effective = effective;
        Reach = reach;
        Controls = controls;
        Requirements = requirements;
        (_starts, _slices) = Slice(controls, requirements);
        _notYet = $"{source.Id} is not yet in force on this date: it applies from {EffectivePeriod.Format(effective.From)}";
        _noLonger = $"{source.Id} no longer applies on this date: it was in force {effective}";
        Version = source.Version;
    }

    /// <summary>The pack's <see cref="RulePack.Version"/>, which every determination names: formatted once.</summary>
    internal string Version { get; }

    public RulePack Source { get; }

    public Condition? Reach { get; }

    public IReadOnlyList<CompiledControl> Controls { get; }

    public IReadOnlyList<CompiledRequirement> Requirements { get; }

    /// <summary>
    /// The pack's period as known to this rule set: its own, except that an end date set by a
    /// successor not yet published on the rule set's knowledge date is left open (before the
    /// successor was known, the old version looked open-ended).
    /// </summary>
    public EffectivePeriod Effective { get; }

    public bool InForce(LocalDate date) => Effective.Contains(date);

    /// <summary>The entries and rules in force on <paramref name="date"/>.</summary>
    internal PackSlice At(LocalDate date)
    {
        // A pack has a handful of versions of its entries, so a few stretches of dates: scanned from the latest.
        var i = _starts.Length - 1;
        while (_starts[i] > date)
        {
            i--;
        }
        return _slices[i];
    }

    // Every date on which some entry or rule starts or ends splits the timeline; between two such dates the
    // same entries and rules are in force.
    private static (LocalDate[] Starts, PackSlice[] Slices) Slice(IReadOnlyList<CompiledControl> controls, IReadOnlyList<CompiledRequirement> requirements)
    {
        var periods = controls.Select(c => c.Effective).Concat(requirements.Select(r => r.Effective));
        var starts = periods.SelectMany(p => p.Until is { } until ? [p.From, until] : new[] { p.From })
            .Append(LocalDate.MinIsoValue).Distinct().Order().ToArray();
        var slices = starts.Select(start => new PackSlice(
            [.. controls.Where(c => c.Effective.Contains(start))],
            [.. requirements.Where(r => r.Effective.Contains(start))])).ToArray();
        return (starts, slices);
    }

    /// <summary>What a determination notes when the pack is not in force on its date (the same words every time, so made once).</summary>
    public string NoteWhenNotInForce(LocalDate date) => Effective.From > date ? _notYet : _noLonger;
}
