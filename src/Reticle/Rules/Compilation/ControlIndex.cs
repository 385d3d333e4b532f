using System.Collections.Frozen;
using NodaTime;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>
/// Control entries looked up by the act's day and the item's kind: the entries in force on that day, without those
/// that test for another kind of item (<c>kind == etch and …</c> for a scanner), which cannot hold. A determination
/// lists every entry an item falls under, so it would otherwise test each of a regime's hundreds of entries.
/// </summary>
/// <remarks>The entries keep their order (classifications are listed in it).</remarks>
internal sealed class ControlIndex
{
    private readonly int[] _starts;
    private readonly Stretch[] _stretches;

    public ControlIndex(IEnumerable<CompiledControl> controls)
    {
        var all = controls.ToArray();
        // Every date on which some entry starts or ends splits the timeline; between two such dates the same entries are in force.
        var starts = all.SelectMany(c => c.Effective.Until is { } until ? [c.Effective.From, until] : new[] { c.Effective.From })
            .Append(LocalDate.MinIsoValue).Distinct().Order().ToArray();
        _starts = [.. starts.Select(DayNumber.Of)];
        _stretches = [.. starts.Select(start => new Stretch([.. all.Where(c => c.Effective.Contains(start))]))];
    }

    /// <summary>The entries in force on <paramref name="day"/> that an item of <paramref name="kind"/> (null: not given) could fall under.</summary>
    public CompiledControl[] For(int day, string? kind)
    {
        var i = _starts.Length - 1;
        while (_starts[i] > day)
        {
            i--;
        }
        return _stretches[i].For(kind);
    }

    private sealed class Stretch
    {
        private readonly CompiledControl[] _all;
        private readonly FrozenDictionary<string, CompiledControl[]> _byKind;
        private readonly CompiledControl[] _otherKinds;

        public Stretch(CompiledControl[] all)
        {
            _all = all;
            // An entry of another kind can still hold for a component through its parent item: such entries always stay in.
            _byKind = all.Where(c => c.Kind is not null).Select(c => c.Kind!).Distinct(StringComparer.Ordinal).ToFrozenDictionary(
                kind => kind, kind => all.Where(c => c.Kind is null || c.Kind == kind || c.Definition.IncludesComponents).ToArray(),
                StringComparer.Ordinal);
            _otherKinds = [.. all.Where(c => c.Kind is null || c.Definition.IncludesComponents)];
        }

        // An item whose kind is not given may be of any kind: every entry stays in.
        public CompiledControl[] For(string? kind) =>
            kind is null ? _all : _byKind.TryGetValue(kind, out var controls) ? controls : _otherKinds;
    }
}
