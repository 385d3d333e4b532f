using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Import;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The founding story (research brief §8.3) as executable cases, each on the dates where the law
/// changed. Parties are screened against the real Entity List entries of the bundled CSL snapshot.
/// </summary>
public sealed class GoldenCaseTests
{
    private static Reticle.Determination.Determination Decide(Transaction t)
    {
        var completed = BundledRules.Catalog.Complete(t);
        return DeterminationEngine.DetermineScreened(BundledRules.Rules, completed, null, BundledScreening.Parties.Screen(completed));
    }

    private static O Outcome(Transaction t, string jurisdiction) =>
        Decide(t).Jurisdictions.Single(j => j.Jurisdiction == jurisdiction).Outcome;

    private static Transaction Order(string date, string sku, string from = "NL", string to = "CN", string endUser = "Example Fab Co.",
        string advancedNode = "no", decimal usContent = 8.5m, string[]? usTechnology = null, string? origin = null,
        Activity activity = Activity.Export, bool? usPerson = null, string? logic = null) => new()
    {
        Id = $"G-{sku}-{date}",
        Date = Date(date),
        Activity = activity,
        From = CountryCode.Parse(from),
        To = CountryCode.Parse(to),
        Item = new Item
        {
            Sku = sku,
            Origin = origin is null ? null : CountryCode.Parse(origin),
            UsControlledContentPercent = usContent,
            UsTechnologyInputs = usTechnology is null ? default : [.. usTechnology],
            ContainsUsOriginIc = false,
        },
        Parties = [new Party(PartyRole.EndUser, endUser, CountryCode.Parse(to), null)],
        EndUse = WithLogic(ImmutableDictionary<string, Knowledge>.Empty.Add("advancedNodeFacility",
            advancedNode switch { "yes" => Knowledge.Yes, "unknown" => Knowledge.Unknown, _ => Knowledge.No }), logic),
        Personnel = usPerson is { } us ? [new Person("Field engineer", us, null)] : [new Person("Shipping clerk", false, null)],
    };

    // The 0 % de minimis rule of 734.4(a)(3) asks for advanced-node *logic* production, a fact of its own.
    private static ImmutableDictionary<string, Knowledge> WithLogic(ImmutableDictionary<string, Knowledge> endUse, string? logic) =>
        logic is null ? endUse : endUse.Add("advancedNodeLogicProduction", logic == "yes" ? Knowledge.Yes : Knowledge.No);

    // --- Case 1: NXT:2050i from the Netherlands to SMIC Beijing -------------------------------------

    private const string SmicBeijing = "Semiconductor Manufacturing International (Beijing) Corporation";

    [Fact]
    public void Case1_on_2023_08_31_no_licence_yet_and_the_US_does_not_reach_a_Dutch_scanner_with_8_5_percent_US_content()
    {
        var d = Decide(Order("2023-08-31", "NXT:2050i", endUser: SmicBeijing, advancedNode: "unknown", usTechnology: ["3E992"]));
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(O.NotApplicable);
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Outcome.ShouldBe(O.Permitted);
        var us = d.Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(O.NotApplicable);
        us.Notes.ShouldContain(n => n.Contains("not subject to the EAR"));
        us.Conditions.ShouldContain(c => c.Because.Contains("US controlled content 8.5%, not > 25 %"));
        d.Outcome.ShouldBe(O.Permitted);
    }

    [Fact]
    public void Case1_on_2023_09_15_the_Dutch_licence_is_required() =>
        Outcome(Order("2023-09-15", "NXT:2050i", endUser: SmicBeijing, advancedNode: "unknown", usTechnology: ["3E992"]), "NL")
            .ShouldBe(O.LicenseRequired);

    [Fact]
    public void Case1_on_2025_11_16_EU_and_US_require_a_licence_the_US_through_the_SME_direct_product_rule_and_the_Entity_List_and_NL_gives_way_to_Annex_I()
    {
        var d = Decide(Order("2025-11-16", "NXT:2050i", endUser: SmicBeijing, advancedNode: "unknown", usTechnology: ["3E992"]));
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Classifications.ShouldContain("EU-Annex-I 3B501.f.1.b");
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Outcome.ShouldBe(O.LicenseRequired);
        // Art. 9(1) Reg. 2021/821: the national list reaches only items not listed in Annex I (ADR 0007).
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(O.Permitted);
        var us = d.Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(O.LicenseRequired);
        // Subject to the EAR through the SME direct product rule (3E992, 734.9(k)), not only through the footnote-5
        // rules (3B001.f.1 is outside their scope): the Entity List row applies whoever exports it.
        var entityList = us.Findings.Single(f => f.Rule == "us.ear.entity-list");
        entityList.Status.ShouldBe(FindingStatus.Applies);
        entityList.Because.ShouldContain($"'{SmicBeijing}' is on EL");
        entityList.Because.ShouldContain("footnote 5");
    }

    [Fact]
    public void Case1_before_2024_12_02_there_is_no_foreign_direct_product_rule_for_the_scanner() =>
        Outcome(Order("2024-12-01", "NXT:2050i", endUser: SmicBeijing, advancedNode: "unknown", usTechnology: ["3E992"]), "US")
            .ShouldBe(O.NotApplicable);

    [Fact]
    public void Case1_with_3E001_alone_the_scanner_is_no_direct_product_so_the_plant_facts_are_asked_for()
    {
        // 3E001's heading excludes 3B001.f.1 (its technology is 3E992), and the footnote-5 rule of
        // 734.9(e)(3) excludes 3B001.f.1 from its product scope: only the SME rule's plant routes remain open.
        var us = Decide(Order("2025-11-16", "NXT:2050i", endUser: SmicBeijing, advancedNode: "unknown", usTechnology: ["3E001"]))
            .Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(O.Review);
        us.Findings.SelectMany(f => f.Missing).ShouldContain("item.producedByUsTechnologyPlant");
    }

    // --- Case 2: NXT:1980i (DCO 1.6 nm) and the 0 % de minimis rule with its foreign-list carve-out ----

    [Fact]
    public void Case2_to_a_non_advanced_fab_in_2024_no_US_licence_and_no_Dutch_licence()
    {
        var d = Decide(Order("2024-03-01", "NXT:1980i", usContent: 12m));
        d.Jurisdictions.Single(j => j.Jurisdiction == "US").Outcome.ShouldBe(O.NotApplicable);
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(O.Permitted);
        d.Outcome.ShouldBe(O.Permitted);
    }

    [Fact]
    public void Case2_to_an_advanced_node_fab_in_2024_the_US_requires_a_licence_through_zero_de_minimis()
    {
        var us = Decide(Order("2024-03-01", "NXT:1980i", usContent: 12m, advancedNode: "yes", logic: "yes")).Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(O.LicenseRequired);
        us.Classifications.ShouldBe(["US-CCL 3B001.f.1.b.2.b"]);
        var row = us.Findings.Single(f => f.Rule == "us.ear.ccl-sme-macau-d5");
        row.Status.ShouldBe(FindingStatus.Applies);
        row.Because.ShouldContain("subject to the EAR");
        us.Conditions.ShouldContain(c => c.Label.StartsWith("no de minimis level for the 1.50-2.40 nm DCO band destined to advanced-node logic production")
            && c.Truth == Reticle.Rules.Compilation.Truth.True);
        row.Exceptions.Select(e => e.Id).ShouldBe(["GOV"]);
    }

    [Theory]
    [InlineData("2024-09-06", O.LicenseRequired, O.Permitted)]
    [InlineData("2024-09-07", O.NotApplicable, O.LicenseRequired)]
    [InlineData("2024-09-08", O.NotApplicable, O.LicenseRequired)]
    public void Case2_the_Dutch_listing_of_2024_09_07_moves_the_licence_from_the_US_to_the_Netherlands(string date, O us, O nl)
    {
        var d = Decide(Order(date, "NXT:1980i", usContent: 12m, advancedNode: "yes", logic: "yes"));
        d.Jurisdictions.Single(j => j.Jurisdiction == "US").Outcome.ShouldBe(us);
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(nl);
    }

    [Fact]
    public void Case2_after_2024_12_02_the_band_is_3B993_f_1_and_the_carve_out_still_holds()
    {
        // Stated: no US technology and no plant route, so the footnote-5 direct product rule, which from
        // 2024-12-02 also reaches advanced-node logic fabs in China (734.9(e)(3)(ii)), does not apply.
        var t = Order("2025-03-01", "NXT:1980i", usContent: 12m, advancedNode: "yes", logic: "yes", usTechnology: []);
        var d = Decide(t with { Item = t.Item with { ProducedByUsTechnologyPlant = false, ContainsUsTechnologyPlantProduct = false } });
        var us = d.Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Classifications.ShouldBe(["US-CCL 3B993.f.1"]);
        us.Outcome.ShouldBe(O.NotApplicable);
        us.Conditions.ShouldContain(c => c.Label == "the country of first export lists the item on its export control list"
            && c.Truth == Reticle.Rules.Compilation.Truth.True && c.Because.Contains("NL-SME-2024 3B001.f.4"));
    }

    // --- Case 3: servicing an installed non-US tool at an advanced-node fab ---------------------------

    // Since 2023-11-17 (744.6(c)(2)(i), (d)(4)) the answer turns on who employs the engineer and who owns the fab:
    // a US person working for a Chinese-headquartered service company needs a licence, one working for ASML does not.
    [Theory]
    [InlineData(true, "CN", O.LicenseRequired)]
    [InlineData(true, "NL", O.Permitted)]
    [InlineData(false, "CN", O.NotApplicable)]
    public void Case3_a_US_person_servicing_a_Dutch_tool_at_an_advanced_node_fab_needs_a_US_licence_unless_an_allied_company_employs_them(
        bool usPerson, string employerHq, O expected)
    {
        var visit = Order("2024-03-01", "NXT:2050i", usContent: 8.5m, advancedNode: "yes", activity: Activity.Service, usPerson: usPerson);
        visit = visit with
        {
            Parties = [new Party(PartyRole.EndUser, "Example Fab Co.", CountryCode.Parse("CN"), null) { Headquarters = CountryCode.Parse("CN") }],
            Personnel = [visit.Personnel[0] with { Employer = new Employer("Service Co.", CountryCode.Parse(employerHq), CountryCode.Parse(employerHq)) }],
        };
        var us = Decide(visit).Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            us.Findings.Single(f => f.Status == FindingStatus.Applies).Rule.ShouldBe("us.ear.744-6-us-person-support");
        }
    }

    [Fact]
    public void Case3_without_the_employer_or_the_fabs_headquarters_is_review_naming_both()
    {
        var us = Decide(Order("2024-03-01", "NXT:2050i", advancedNode: "yes", activity: Activity.Service, usPerson: true))
            .Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(O.Review);
        us.Findings.Single(f => f.Rule == "us.ear.744-6-us-person-support").Missing
            .ShouldBe(["parties[end-user].headquarters", "personnel[0].employer.headquarters", "personnel[0].employer.majorityOwnerHeadquarters"]);
    }

    // The October 2022 rule was in force from 2022-10-07 (744.23), its US-person rule from 2022-10-12: the day
    // before, US law reaches the US person but no rule yet requires a licence.
    [Theory]
    [InlineData("2022-10-11", O.Permitted)]
    [InlineData("2022-10-12", O.LicenseRequired)]
    [InlineData("2022-10-13", O.LicenseRequired)]
    public void The_US_person_servicing_rule_starts_on_2022_10_12(string date, O expected) =>
        Outcome(Order(date, "NXT:2050i", advancedNode: "yes", activity: Activity.Service, usPerson: true), "US").ShouldBe(expected);

    [Theory]
    [InlineData("2023-01-16", O.Permitted)]
    [InlineData("2023-01-17", O.LicenseRequired)]
    [InlineData("2023-01-18", O.LicenseRequired)]
    public void Macau_joined_the_scope_on_2023_01_17(string date, O expected) =>
        Outcome(Order(date, "NXT:2050i", to: "MO", advancedNode: "yes", activity: Activity.Service, usPerson: true), "US").ShouldBe(expected);

    [Theory]
    [InlineData("2023-11-16", O.Permitted)]
    [InlineData("2023-11-17", O.LicenseRequired)]
    public void Country_Group_D5_joined_the_scope_on_2023_11_17(string date, O expected)
    {
        var visit = Order(date, "NXT:2050i", to: "RU", advancedNode: "yes", activity: Activity.Service, usPerson: true);
        visit = visit with
        {
            Parties = [new Party(PartyRole.EndUser, "Example Fab Co.", CountryCode.Parse("RU"), null) { Headquarters = CountryCode.Parse("RU") }],
            Personnel = [visit.Personnel[0] with { Employer = new Employer("Service Co.", CountryCode.Parse("RU"), null) }],
        };
        Outcome(visit, "US").ShouldBe(expected);
    }

    // --- Case 4: a Japanese EUV coater/developer to China -------------------------------------------

    [Theory]
    [InlineData("2023-07-22", O.NotApplicable)]
    [InlineData("2023-07-23", O.LicenseRequired)]
    [InlineData("2023-07-24", O.LicenseRequired)]
    [InlineData("2023-08-01", O.LicenseRequired)]
    [InlineData("2024-09-08", O.LicenseRequired)]
    [InlineData("2025-05-28", O.LicenseRequired)]
    public void Case4_the_Japanese_licence_for_an_EUV_coater_developer_starts_on_2023_07_23(string date, O expected) =>
        Outcome(Order(date, "LITHIUS Pro Z", from: "JP", usContent: 0m), "JP").ShouldBe(expected);

    [Fact]
    public void Case4_the_Japanese_licence_applies_to_every_destination_with_bulk_licences_only_offered()
    {
        var jp = Decide(Order("2023-08-01", "LITHIUS Pro Z", from: "JP", to: "US", usContent: 0m)).Jurisdictions.Single(j => j.Jurisdiction == "JP");
        jp.Outcome.ShouldBe(O.LicenseRequired);
        jp.Findings.First().Exceptions.ShouldNotBeEmpty();
    }

    // --- Case 6: an EAR99 US-origin spare part for SMIC South China ------------------------------------

    [Fact]
    public void Case6_a_US_origin_spare_part_for_an_Entity_List_fab_needs_a_US_licence()
    {
        var part = Order("2025-03-01", "SAMPLE-EAR99-ORING", origin: "US", usContent: 100m, endUser: "Semiconductor Manufacturing South China Corporation",
            advancedNode: "yes", activity: Activity.SpareParts);
        var us = Decide(part).Jurisdictions.Single(j => j.Jurisdiction == "US");
        us.Outcome.ShouldBe(O.LicenseRequired);
        us.Findings.Where(f => f.Status == FindingStatus.Applies).Select(f => f.Rule)
            .ShouldBe(["us.ear.744-23-advanced-node-facility", "us.ear.entity-list"], ignoreOrder: true);
    }

    // --- Zero de minimis companions of December 2024 and the SME end use -----------------------------

    [Theory]
    [InlineData(true, O.LicenseRequired)]
    [InlineData(false, O.NotApplicable)]
    public void A_foreign_SME_tool_with_a_US_integrated_circuit_for_China_has_no_de_minimis_from_2024_12_02(bool usIc, O expected)
    {
        // Shipped by a Chinese-headquartered reseller: the allied-exporter exclusion (742.6(a)(6)(i)(A)(2)) is not open to it.
        var t = Order("2025-03-01", "NXT:2050i", usContent: 5m, usTechnology: []);
        t = t with { Item = t.Item with { ContainsUsOriginIc = usIc, UsOriginIcEccns = usIc ? ["3A991"] : [], ProducedByUsTechnologyPlant = false, ContainsUsTechnologyPlantProduct = false }, Parties = t.Parties.Add(ChineseReseller) };
        Outcome(t, "US").ShouldBe(expected);
    }

    [Theory]
    [InlineData("2024-12-01", O.NotApplicable)]
    [InlineData("2024-12-02", O.LicenseRequired)]
    public void The_US_integrated_circuit_rule_starts_on_2024_12_02(string date, O expected)
    {
        var t = Order(date, "NXT:2050i", usContent: 5m, usTechnology: []);
        Outcome(t with { Item = t.Item with { ContainsUsOriginIc = true, UsOriginIcEccns = ["3A991"], ProducedByUsTechnologyPlant = false, ContainsUsTechnologyPlantProduct = false }, Parties = t.Parties.Add(ChineseReseller) }, "US").ShouldBe(expected);
    }

    private static readonly Party ChineseReseller =
        new(PartyRole.Exporter, "Example Reseller (Hong Kong) Ltd.", CountryCode.Parse("NL"), null) { Headquarters = CountryCode.Parse("CN") };

    [Theory]
    [InlineData("yes", O.LicenseRequired)]
    [InlineData("no", O.Permitted)]
    public void A_US_origin_SME_tool_for_SME_development_in_China_needs_a_licence_under_744_23_a_4(string smeDevelopment, O expected)
    {
        // A 1.6 nm DUV scanner (3B993.f.1 from 2024-12-02): no Macau/D:5 row of its own, so the end use decides.
        var t = Order("2025-03-01", "NXT:1980i", origin: "US", usContent: 100m);
        t = t with { EndUse = t.EndUse.Add("smeDevelopmentOrProduction", smeDevelopment == "yes" ? Knowledge.Yes : Knowledge.No) };
        Outcome(t, "US").ShouldBe(expected);
    }
}
