namespace Reticle.Rules.Compilation;

/// <summary>
/// Every compiled control entry by jurisdiction, so a rule of one regime can ask whether another
/// regime lists the item: the EAR's de minimis carve-out applies "unless the country from which the
/// foreign-made item was first exported has this commodity specified on an export control list"
/// (§734.4(a)(3)). Filled by the compiler once all entries are compiled; read only afterwards.
/// </summary>
public sealed class ControlDirectory
{
    private readonly Dictionary<string, List<CompiledControl>> _byJurisdiction = new(StringComparer.Ordinal);

    internal ControlDirectory(IEnumerable<string> jurisdictions)
    {
        foreach (var jurisdiction in jurisdictions)
        {
            _byJurisdiction[jurisdiction] = [];
        }
    }

    public bool Knows(string jurisdiction) => _byJurisdiction.ContainsKey(jurisdiction);

    public IEnumerable<string> Jurisdictions => _byJurisdiction.Keys;

    internal void Add(string jurisdiction, CompiledControl control) => _byJurisdiction[jurisdiction].Add(control);

    public IReadOnlyList<CompiledControl> Of(string jurisdiction) =>
        _byJurisdiction.TryGetValue(jurisdiction, out var controls) ? controls : [];
}
