using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Content;

/// <summary>
/// Transactions for the EAR rules that turn on who ships and who does the work (exporter, end user,
/// employer headquarters): a Dutch-made scanner with no US content, for a fab whose node is known, its
/// parties screened without a hit unless a test lists one.
/// </summary>
internal static class UsParties
{
    public static JurisdictionDetermination Us(Transaction t, IReadOnlyList<PartyListing>? listings = null) =>
        DeterminationEngine.Determine(BundledRules.Rules, t, null, listings ?? []).Jurisdictions.Single(j => j.Jurisdiction == "US");

    public static Party Exporter(string country, string? headquarters) =>
        new(PartyRole.Exporter, "ASML Netherlands B.V.", CountryCode.Parse(country), null)
        {
            Headquarters = headquarters is null ? null : CountryCode.Parse(headquarters),
        };

    public static Party EndUser(string country, string? headquarters) =>
        new(PartyRole.EndUser, "Example Fab Co.", CountryCode.Parse(country), null)
        {
            Headquarters = headquarters is null ? null : CountryCode.Parse(headquarters),
        };

    public static Person Clerk() => new("Shipping clerk", false, null);

    public static Person UsEngineer(string? employerHq, string? ownerHq = null) =>
        new("Field engineer", true, CountryCode.Parse("US"))
        {
            Employer = employerHq is null && ownerHq is null
                ? null
                : new Employer("Employer Co.", employerHq is null ? null : CountryCode.Parse(employerHq), ownerHq is null ? null : CountryCode.Parse(ownerHq)),
        };

    public static ImmutableDictionary<string, Knowledge> EndUse(Knowledge advancedNode, Knowledge? equivalentControls = null)
    {
        var facts = ImmutableDictionary<string, Knowledge>.Empty
            .Add("advancedNodeFacility", advancedNode)
            .Add("smeDevelopmentOrProduction", Knowledge.No);
        return equivalentControls is { } e ? facts.Add("equivalentControls", e) : facts;
    }

    /// <summary>The US-origin IC's classification: Category 5 of the CCL, as §734.4(a)(8) and (a)(9) require.</summary>
    public const string UsIcEccn = "5A992.c";

    /// <summary>
    /// A DUV immersion scanner (DCO 1.1 nm: 3B001.f.1.b from 2024-12-02) made in the Netherlands, carrying a
    /// US-origin integrated circuit, no US technology and not from (nor containing the product of) a US-technology
    /// plant: subject to the EAR to Macau or D:5 only through §734.4(a)(8), and only unless the exporter is allied.
    /// </summary>
    public static Transaction Scanner(string date, string from = "NL", string to = "CN", Party? exporter = null, bool withExporter = true,
        Activity activity = Activity.Export, decimal dco = 1.1m, bool usIc = true, string origin = "NL", decimal usContent = 0m,
        Knowledge? equivalentControls = null)
    {
        var t = Litho(date, to: to, from: from, dco: dco, activity: activity);
        var parties = ImmutableArray.Create(EndUser(to, to));
        if (withExporter)
        {
            parties = parties.Add(exporter ?? Exporter(from, "NL"));
        }
        return t with
        {
            Item = t.Item with
            {
                Origin = CountryCode.Parse(origin), ContainsUsOriginIc = usIc, UsOriginIcEccns = usIc ? [UsIcEccn] : [],
                UsControlledContentPercent = usContent, UsTechnologyInputs = [],
                ProducedByUsTechnologyPlant = false, ContainsUsTechnologyPlantProduct = false,
            },
            Parties = parties,
            EndUse = EndUse(Knowledge.No, equivalentControls),
            Personnel = [Clerk()],
        };
    }
}
