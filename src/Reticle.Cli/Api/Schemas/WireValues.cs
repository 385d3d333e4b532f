using Reticle.Determination;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Screening;
using Reticle.Service.Access;
using Reticle.Store;

namespace Reticle.Cli.Api.Schemas;

/// <summary>The wire names of the enumerations the API writes, computed by the writers' own <c>ToWire</c> functions.</summary>
internal static class WireValues
{
    private static readonly Dictionary<Type, Func<IReadOnlyList<string>>> Names = new()
    {
        [typeof(Outcome)] = () => Of<Outcome>(o => o.ToWire()),
        [typeof(Effect)] = () => Of<Effect>(e => e.ToWire()),
        [typeof(FindingStatus)] = () => Of<FindingStatus>(s => s.ToWire()),
        [typeof(ExceptionKind)] = () => Of<ExceptionKind>(k => k.ToWire()),
        [typeof(Truth)] = () => Of<Truth>(t => t.ToWire()),
        // As the determination, the licences and the rule timeline write a pack's confidence.
        [typeof(Confidence)] = () => Of<Confidence>(c => c.ToString().ToLowerInvariant()),
        [typeof(PartyRole)] = () => Of<PartyRole>(r => r.ToWire()),
        // 'unknown' is what no type given reads as: it is never written and refused as input.
        [typeof(PartyType)] = () => [.. Of<PartyType>(t => t.ToWire()).Where(t => t != PartyType.Unknown.ToWire())],
        [typeof(Activity)] = () => Of<Activity>(a => a.ToWire()),
        [typeof(Knowledge)] = () => Of<Knowledge>(k => k.ToWire()),
        [typeof(ScreeningStatus)] = () => Of<ScreeningStatus>(s => s.ToWire()),
        [typeof(LicenseKind)] = () => Of<LicenseKind>(k => k.ToWire()),
        [typeof(LicenseStatus)] = () => Of<LicenseStatus>(s => s.ToWire()),
        [typeof(OrderStatus)] = () => Of<OrderStatus>(s => s.ToWire()),
        [typeof(Role)] = () => Of<Role>(r => r.ToWire()),
        [typeof(Screening.Matching.ScoringMode)] = () => ["reticle", "ofac"],
        [typeof(HoldState)] = () => [HoldState.Held, HoldState.Released, HoldState.Lapsed],
        [typeof(LicenseEventType)] = () => [LicenseEventJson.Issued, LicenseEventJson.Amended, LicenseEventJson.Reserved,
            LicenseEventJson.Consumed, LicenseEventJson.Released, LicenseEventJson.Revoked],
    };

    public static IReadOnlyList<string> Of(Type @enum) =>
        Names.TryGetValue(@enum, out var names) ? names() : throw new ArgumentException($"no wire names known for {@enum.Name}", nameof(@enum));

    private static string[] Of<T>(Func<T, string> wire) where T : struct, Enum => [.. Enum.GetValues<T>().Select(wire).Distinct(StringComparer.Ordinal)];

    /// <summary>A hold's status as the store writes it (text, not an enumeration there).</summary>
    public static class HoldState
    {
        public const string Held = "held";
        public const string Released = "released";
        public const string Lapsed = "lapsed";
    }

    /// <summary>A licence event's <c>type</c> (<see cref="LicenseEventJson"/>).</summary>
    public static class LicenseEventType
    {
    }
}
