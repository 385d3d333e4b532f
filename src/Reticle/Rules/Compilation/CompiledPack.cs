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
    private readonly int[] _starts;
    private readonly PackSlice[] _slices;
    private readonly DayRange _days;
    private readonly ControlIndex _controls;
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
        (_starts, _slices) = Slice(requirements);
        _controls = new ControlIndex(controls);
        _days = DayNumber.Of(effective);
        _notYet = $"{source.Id} is not yet in force on this date: it applies from {EffectivePeriod.Format(effective.From)}";
        _noLonger = $"{source.Id} no longer applies on this date: it was in force {effective}";
        Version = source.Version;
        NotReaching = $"{source.Id} does not reach this act: ";
        ReachUndetermined = $"whether {source.Id} reaches this act is undetermined (";
    }

    /// <summary>The pack's <see cref="RulePack.Version"/>, which every determination names: formatted once.</summary>
    internal string Version { get; }

    /// <summary>How the note on a pack that does not reach the act begins (its reasons follow).</summary>
    internal string NotReaching { get; }

    /// <summary>How the note on a pack whose reach is undetermined begins (its reasons follow).</summary>
    internal string ReachUndetermined { get; }

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

    /// <summary>Whether the pack is in force on the day (<see cref="Facts.Day"/>).</summary>
    internal bool InForce(int day) => _days.Contains(day);

    /// <summary>The entries in force on the facts' day that the item could fall under (none of another kind of item).</summary>
    internal CompiledControl[] ControlsFor(Facts facts) => _controls.For(facts.Day, facts.Kind);

    /// <summary>The rules in force on the day (<see cref="Facts.Day"/>).</summary>
    internal PackSlice At(int day)
    {
        // A pack has a handful of versions of its entries, so a few stretches of dates: scanned from the latest.
        var i = _starts.Length - 1;
        while (_starts[i] > day)
        {
            i--;
        }
        return _slices[i];
    }

    // Every date on which some rule starts or ends splits the timeline; between two such dates the same rules are in force.
    private static (int[] Starts, PackSlice[] Slices) Slice(IReadOnlyList<CompiledRequirement> requirements)
    {
        var starts = requirements.Select(r => r.Effective).SelectMany(p => p.Until is { } until ? [p.From, until] : new[] { p.From })
            .Append(LocalDate.MinIsoValue).Distinct().Order().ToArray();
        var slices = starts.Select(start => new PackSlice([.. requirements.Where(r => r.Effective.Contains(start))])).ToArray();
        return ([.. starts.Select(DayNumber.Of)], slices);
    }

    /// <summary>What a determination notes when the pack is not in force on its date (the same words every time, so made once).</summary>
    public string NoteWhenNotInForce(LocalDate date) => Effective.From > date ? _notYet : _noLonger;
}
