using System.Collections.Frozen;
using System.Globalization;
using Reticle.Input;
using Reticle.Model;
using Reticle.Rules.Packs;
using Reticle.Rules.Units;

namespace Reticle.Rules.Compilation;

/// <summary>
/// An item parameter rules may test, with its unit and the label findings use ("DCO"). <see cref="Slot"/> is its
/// index among the parameters of its kind (numbers, or texts) in <see cref="Facts"/>.
/// </summary>
public sealed record ParameterInfo(string Name, string Label, Unit? Unit, bool IsText, int Slot)
{
    public string Format(decimal canonical) =>
        Unit is null ? Number(canonical) : $"{Number(canonical / Unit.ToCanonical)}{(Unit.Symbol == "%" ? "" : " ")}{Unit.Symbol}";

    internal static string Number(decimal value) => decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// The item parameters known to a rule set: the built-in lithography parameters of CONTRACT §2 plus
/// those packs declare under <c>definitions.parameters</c>. Each gets a slot in <see cref="Facts"/>.
/// </summary>
public sealed class ParameterRegistry
{
    private readonly FrozenDictionary<string, ParameterInfo> _byName;

    public ParameterRegistry(IEnumerable<ParameterInfo> parameters)
    {
        All = [.. parameters];
        _byName = All.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        NumberCount = All.Count(p => !p.IsText);
        TextCount = All.Count - NumberCount;
        KindSlot = Find("kind") is { IsText: true } kind ? kind.Slot : -1;
    }

    /// <summary>The text slot of the item's kind parameter, or -1 if this rule set has none.</summary>
    internal int KindSlot { get; }

    // Numbers and texts have slots of their own: every transaction lays out one array of each, sized to its kind.
    private int NumberCount { get; }
    private int TextCount { get; }

    /// <summary>Built-in parameters first, then those of the packs in the order they were read.</summary>
    public IReadOnlyList<ParameterInfo> All { get; }

    public int Count => All.Count;

    public ParameterInfo? Find(string name) => _byName.TryGetValue(name, out var p) ? p : null;

    public static IReadOnlyList<ParameterDefinition> BuiltIn { get; } =
    [
        new("kind", "kind", null, true, "What sort of item this is: lithography, etch, deposition, …", default),
        new("wavelengthNm", "wavelength", "nm", false, "Exposure light source wavelength", default),
        new("numericalAperture", "NA", null, false, "Maximum numerical aperture of the projection optics", default),
        new("dedicatedChuckOverlayNm", "DCO", "nm", false, "Maximum 'dedicated chuck overlay' (single machine overlay)", default),
        new("minimumResolvableFeatureNm", "MRF", "nm", false, "Minimum resolvable feature size, where the maker states it", default),
        new("throughputWafersPerHour", "throughput", null, false, "Wafers per hour", default),
    ];

    /// <summary>
    /// Reports each parameter a transaction gives inline that no rule of this set can test (neither built in nor
    /// declared by a pack under <c>definitions.parameters</c>): it would otherwise be dropped silently, and a decision
    /// rest on a fact the user believes they gave (a misspelt <c>wavelenghtNm</c>). Catalogue parameters are content,
    /// not input, and are not checked here.
    /// </summary>
    public void RejectUnknown(TransactionInput input, List<InputError> errors)
    {
        for (var i = 0; i < input.Transactions.Count; i++)
        {
            var where = i < input.Places.Count ? input.Places[i] : input.Transactions[i].Id;
            foreach (var name in input.Transactions[i].Item.Parameters.Keys.Order(StringComparer.Ordinal))
            {
                if (!_byName.ContainsKey(name))
                {
                    errors.Add(new InputError($"{where}.item.parameters.{name}",
                        NearestName.UnknownMessage("parameter: no rule in force can test it", name, _byName.Keys)));
                }
            }
        }
    }

    /// <summary>How many slots numbers and texts take in <see cref="Facts"/>.</summary>
    internal (int Numbers, int Texts) Counts => (NumberCount, TextCount);

    /// <summary>Puts an item's parameters into (empty) slot arrays, converting numbers to canonical units.</summary>
    /// <param name="laid">Where the slots filled are noted (to empty them again before the arrays are reused).</param>
    internal void Lay(Item item, decimal?[] numbers, string?[] texts, List<(int Slot, bool IsText)> laid)
    {
        foreach (var (name, value) in item.Parameters)
        {
            if (!_byName.TryGetValue(name, out var p))
            {
                continue;
            }
            if (p.IsText)
            {
                texts[p.Slot] = value.Text ?? value.ToString();
                laid.Add((p.Slot, true));
            }
            else if (value.Number is { } number)
            {
                numbers[p.Slot] = number * (p.Unit?.ToCanonical ?? 1m);
                laid.Add((p.Slot, false));
            }
        }
    }
}
