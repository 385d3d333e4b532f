using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Content;

/// <summary>
/// Items and acts for the US scope tests: tools of the paragraphs the foreign direct product and 0 %
/// de minimis rules name, with every fact those rules ask for stated (and so decided) unless a test
/// leaves one out on purpose.
/// </summary>
internal static class UsItems
{
    public const string SmicBeijing = "Semiconductor Manufacturing International (Beijing) Corporation";
    public const string UnlistedFab = "Example Advanced Logic Fab (Shanghai) Co., Ltd.";

    /// <summary>A DUV immersion scanner: DCO 1.1 nm is 3B001.f.1.b (SME set), 1.6 nm is 3B993.f.1.</summary>
    public static Transaction Scanner(string date, decimal dco, string from = "NL", string to = "CN") =>
        Foreign(Litho(date, to: to, dco: dco, from: from));

    /// <summary>A 300 mm medium-current implanter (3B994.b.2).</summary>
    public static Transaction Implanter(string date, string from = "NL", string to = "CN") =>
        Foreign(Tool(date, from, to, ("kind", "ion-implant"), ("waferDiameterMm", 300m), ("implantMaxBeamCurrent", 2m),
            ("implantMaxBeamEnergy", 100m), ("implantAngularAccuracyDeg", 0.5m)));

    /// <summary>An EUV mask on a 3B001.j substrate blank, not for 3A001 ICs (3B001.q).</summary>
    public static Transaction EuvMask(string date, string from = "NL", string to = "CN", string blank = "yes", string for3A001 = "no") =>
        Foreign(Tool(date, from, to, ("kind", "mask"), ("designedForEuv", "yes"), ("maskSubstrateBlank3B001j", blank), ("designedFor3A001Ic", for3A001)));

    /// <summary>An EUV mask blank inspection tool (3B002.c).</summary>
    public static Transaction MaskInspection(string date, string from = "NL", string to = "CN") =>
        Foreign(Tool(date, from, to, ("kind", "inspection"), ("inspectionTarget", "euv-mask-blank")));

    /// <summary>A US-made anisotropic dry etcher with pulsed RF (3B001.c.1.c at &lt; 300 ms and &gt;= 20 zones).</summary>
    public static Transaction Etcher(string date, decimal gasSwitchingMs = 250m, decimal zones = 20m, string to = "DE") =>
        UsMade(Tool(date, "US", to, ("kind", "etch"), ("etchMode", "anisotropic-dry"), ("pulsedRfPower", "yes"),
            ("gasSwitchingTimeMs", gasSwitchingMs), ("escTemperatureZones", zones), ("rfSourceCount", 1m),
            ("siliconEtchRateUmPerMin", 1m), ("dielectricEtchAspectRatio", 10m)));

    /// <summary>A US-made isotropic dry etcher with the given SiGe:Si selectivity (3B001.c.1.a at &gt;= 100:1).</summary>
    public static Transaction IsotropicEtcher(string date, decimal selectivity, string to = "DE") =>
        UsMade(Tool(date, "US", to, ("kind", "etch"), ("etchMode", "isotropic-dry"), ("etchSelectivitySiGeToSi", selectivity),
            ("siliconEtchRateUmPerMin", 1m)));

    /// <summary>Made in the US, for an unlisted mature-node fab, shipped by a non-US person.</summary>
    public static Transaction UsMade(Transaction t) => Foreign(t) with
    {
        Item = Foreign(t).Item with { Origin = CountryCode.Parse("US"), UsControlledContentPercent = 100m },
    };

    public static Transaction Tool(string date, string from, string to, params (string Name, object Value)[] parameters) => new()
    {
        Id = $"US-{date}-{to}",
        Date = Date(date),
        Activity = Activity.Export,
        From = CountryCode.Parse(from),
        To = CountryCode.Parse(to),
        Item = new Item { Parameters = ToolParameters(parameters), UsControlledContentPercent = 0m },
    };

    private static ImmutableDictionary<string, ParameterValue> ToolParameters(params (string Name, object Value)[] parameters) =>
        parameters.ToImmutableDictionary(p => p.Name, p => p.Value is string s ? ParameterValue.Of(s) : ParameterValue.Of((decimal)p.Value));

    /// <summary>
    /// Foreign-made, 5 % US content, no US technology, no plant route, no US-origin IC, for an unlisted
    /// mature-node fab: nothing brings it under the EAR until a test says so. Shipped by a reseller whose
    /// ultimate parent is headquartered in China, so the allied-exporter exclusion of §742.4(a)(4)(ii)(B)-(C)
    /// and §742.6(a)(6)(i)(A)(2)(ii)-(iii) (which also lifts the 0 % level of §734.4(a)(8)) never applies
    /// here: these tests are about the product, route and destination scopes, not about who exports.
    /// </summary>
    private static Transaction Foreign(Transaction t) => t with
    {
        Item = t.Item with
        {
            Origin = t.From,
            UsControlledContentPercent = 5m,
            UsTechnologyInputs = [],
            ProducedByUsTechnologyPlant = false,
            ContainsUsTechnologyPlantProduct = false,
            ContainsUsOriginIc = false,
        },
        Parties = [new Party(PartyRole.EndUser, UnlistedFab, t.To, null), ChineseOwnedExporter(t.From)],
        EndUse = ImmutableDictionary<string, Knowledge>.Empty.Add("advancedNodeFacility", Knowledge.No).Add("smeDevelopmentOrProduction", Knowledge.No),
        Personnel = [new Person("Shipping clerk", false, null)],
    };

    public const string ChineseOwnedReseller = "Example Equipment Trading B.V.";

    /// <summary>The exporter: located where the item ships from, its ultimate parent headquartered in China.</summary>
    private static Party ChineseOwnedExporter(CountryCode from) =>
        new(PartyRole.Exporter, ChineseOwnedReseller, from, null) { Headquarters = CountryCode.Parse("CN") };

    public static Transaction MadeWith(this Transaction t, params string[] usTechnology) => t with { Item = t.Item with { UsTechnologyInputs = [.. usTechnology] } };

    public static Transaction WithUsIcs(this Transaction t, params string[] eccns) =>
        t with { Item = t.Item with { ContainsUsOriginIc = eccns.Length > 0, UsOriginIcEccns = [.. eccns] } };

    /// <summary>The end user, in China unless said otherwise (a footnote-5 party may receive an item shipped elsewhere).</summary>
    public static Transaction For(this Transaction t, string endUser, string country = "CN") =>
        t with { Parties = [.. t.Parties.Where(p => p.Role != PartyRole.EndUser), new Party(PartyRole.EndUser, endUser, CountryCode.Parse(country), null)] };

    public static Transaction WithEndUse(this Transaction t, string fact, Knowledge? answer) =>
        t with { EndUse = answer is { } a ? t.EndUse.SetItem(fact, a) : t.EndUse.Remove(fact) };

    /// <summary>An advanced-node fab of the given kind: logic (772.1 paragraph (1)), NAND (2) or DRAM (3).</summary>
    public static Transaction AtFab(this Transaction t, string kind) => t
        .WithEndUse("advancedNodeFacility", Knowledge.Yes)
        .WithEndUse("advancedNodeLogicProduction", kind == "logic" ? Knowledge.Yes : Knowledge.No)
        .WithEndUse("advancedNodeDramProduction", kind == "dram" ? Knowledge.Yes : Knowledge.No);

    public static Reticle.Determination.Determination Decide(Transaction t) =>
        DeterminationEngine.DetermineScreened(BundledRules.Rules, BundledRules.Catalog.Complete(t), null, BundledScreening.Parties.Screen(t));

    public static JurisdictionDetermination Us(Transaction t) => Decide(t).Jurisdictions.Single(j => j.Jurisdiction == "US");

    /// <summary>The truth of a named condition, found by the start of its label.</summary>
    public static Truth Condition(this JurisdictionDetermination us, string labelStart) =>
        us.Conditions.Single(c => c.Label.StartsWith(labelStart, StringComparison.Ordinal)).Truth;
}
