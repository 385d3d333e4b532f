using Reticle.Model;
using Reticle.Rules.Compilation;
using static Reticle.Tests.Content.UsItems;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The footnote-5 foreign direct product rule (EAR §734.9(e)(3), eCFR 2026-09-24) and its 0 % de minimis
/// companion (§734.4(a)(9)): the product scope as (e)(3)(i) lists it, the technology and software of
/// (e)(3)(i)(A), the plant routes of (B)(1)-(2), and both end-user routes of (e)(3)(ii).
/// </summary>
public sealed class UsFootnote5FdpTests
{
    private const string Fdp = "direct product of US technology for a footnote-5 party";
    private const string ZeroDeMinimis = "no de minimis level for Category 3B items";

    [Theory]
    [InlineData("2024-12-01", O.NotApplicable)]
    [InlineData("2024-12-02", O.LicenseRequired)]
    [InlineData("2024-12-03", O.LicenseRequired)]
    public void A_3B993_scanner_made_with_3E993_for_a_footnote_5_party_is_subject_from_2024_12_02(string date, O expected) =>
        Us(Scanner(date, dco: 1.6m).MadeWith("3E993").For(SmicBeijing)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(1.6, Truth.True)]    // 3B993.f.1: in the product scope
    [InlineData(1.1, Truth.False)]   // 3B001.f.1.b: "3B001 (except ... f.1 ...)"
    public void The_product_scope_leaves_out_the_SME_paragraphs_of_3B001(decimal dco, Truth expected) =>
        Us(Scanner("2025-03-01", dco).MadeWith("3E001", "3E993").For(SmicBeijing)).Condition(Fdp).ShouldBe(expected);

    [Fact]
    public void A_3B994_implanter_is_in_the_product_scope() =>
        Us(Implanter("2025-03-01").MadeWith("3E994").For(SmicBeijing)).Condition(Fdp).ShouldBe(Truth.True);

    [Fact]
    public void A_3B001_q_EUV_mask_is_in_the_product_scope() =>
        Us(EuvMask("2025-03-01").MadeWith("3E001").For(SmicBeijing)).Condition(Fdp).ShouldBe(Truth.True);

    [Fact]
    public void A_3B002_c_mask_inspection_tool_is_not_in_the_product_scope() =>
        Us(MaskInspection("2025-03-01").MadeWith("3E001").For(SmicBeijing)).Condition(Fdp).ShouldBe(Truth.False);

    [Theory]
    [InlineData("3E993", Truth.True)]
    [InlineData("3D993", Truth.True)]
    [InlineData("3E001", Truth.True)]   // "3E001 (for 3B commodities)"
    [InlineData("3E992", Truth.False)]  // 3E992 is named only in the plant routes
    [InlineData("3E991", Truth.False)]  // "3E991 (for 3B991 and 3B992)" only
    public void The_technology_inputs_are_those_paragraph_A_names(string input, Truth expected) =>
        Us(Scanner("2025-03-01", dco: 1.6m).MadeWith(input).For(SmicBeijing)).Condition(Fdp).ShouldBe(expected);

    [Fact]
    public void An_item_produced_by_a_plant_that_is_a_US_technology_direct_product_is_in_scope() =>
        Us(Scanner("2025-03-01", dco: 1.6m).For(SmicBeijing) is var t ? t with { Item = t.Item with { ProducedByUsTechnologyPlant = true } } : t)
            .Condition(Fdp).ShouldBe(Truth.True);

    [Fact]
    public void An_item_containing_a_chip_made_by_such_a_plant_is_in_scope() =>
        Us(Scanner("2025-03-01", dco: 1.6m).For(SmicBeijing) is var t ? t with { Item = t.Item with { ContainsUsTechnologyPlantProduct = true } } : t)
            .Condition(Fdp).ShouldBe(Truth.True);

    [Fact]
    public void Without_the_plant_facts_the_answer_is_review_naming_them()
    {
        var t = Scanner("2025-03-01", dco: 1.6m).For(SmicBeijing);
        var us = Us(t with { Item = t.Item with { ProducedByUsTechnologyPlant = null, ContainsUsTechnologyPlantProduct = null } });

        us.Condition(Fdp).ShouldBe(Truth.Unknown);
        us.Outcome.ShouldBe(O.Review);
        us.Findings.SelectMany(f => f.Missing).ShouldContain("item.containsUsTechnologyPlantProduct");
    }

    // --- the end-user routes of (e)(3)(ii) --------------------------------------------------------------

    [Theory]
    [InlineData("logic", Truth.True, O.LicenseRequired)]   // 772.1 paragraph (1)
    [InlineData("dram", Truth.True, O.LicenseRequired)]    // paragraph (3)
    [InlineData("nand", Truth.False, O.NotApplicable)]     // paragraph (2): not named by (e)(3)(ii)
    public void An_unlisted_fab_in_China_is_in_the_end_user_scope_when_it_produces_advanced_node_logic_or_DRAM(string fab, Truth fdp, O expected)
    {
        var us = Us(Scanner("2025-03-01", dco: 1.6m).MadeWith("3E993").AtFab(fab));
        us.Condition(Fdp).ShouldBe(fdp);
        us.Outcome.ShouldBe(expected);
    }

    [Fact]
    public void A_mature_node_fab_is_outside_the_end_user_scope_without_asking_about_logic_or_DRAM()
    {
        var us = Us(Scanner("2025-03-01", dco: 1.6m).MadeWith("3E993"));
        us.Condition(Fdp).ShouldBe(Truth.False);
        us.Outcome.ShouldBe(O.NotApplicable);
    }

    [Fact]
    public void An_advanced_node_fab_of_unstated_kind_is_review_naming_the_logic_and_DRAM_facts()
    {
        var t = Scanner("2025-03-01", dco: 1.6m).MadeWith("3E993").WithEndUse("advancedNodeFacility", Knowledge.Yes);
        var us = Us(t);
        us.Condition(Fdp).ShouldBe(Truth.Unknown);
        us.Outcome.ShouldBe(O.Review);
        us.Findings.SelectMany(f => f.Missing).ShouldContain("endUse.advancedNodeLogicProduction");
    }

    [Fact]
    public void A_logic_fab_outside_Macau_and_D5_is_outside_the_end_user_scope() =>
        Us(Scanner("2025-03-01", dco: 1.6m, to: "KR").MadeWith("3E993").AtFab("logic")).Condition(Fdp).ShouldBe(Truth.False);

    [Fact]
    public void A_footnote_5_party_is_in_the_end_user_scope_wherever_the_item_goes() =>
        Us(Scanner("2025-03-01", dco: 1.6m, to: "KR").MadeWith("3E993").For(SmicBeijing)).Condition(Fdp).ShouldBe(Truth.True);

    // --- 734.4(a)(9): no de minimis level for Category 3B items with a US-origin IC of Cat. 3, 4 or 5 ---

    [Theory]
    [InlineData("2024-12-01", O.NotApplicable)]
    [InlineData("2024-12-02", O.LicenseRequired)]
    [InlineData("2024-12-03", O.LicenseRequired)]
    public void A_3B993_scanner_with_a_US_3A991_chip_for_a_footnote_5_party_has_no_de_minimis_from_2024_12_02(string date, O expected) =>
        Us(Scanner(date, dco: 1.6m).WithUsIcs("3A991").For(SmicBeijing)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("3A991", Truth.True)]
    [InlineData("EAR99", Truth.False)]
    public void Only_a_chip_specified_in_Category_3_4_or_5_counts(string eccn, Truth expected) =>
        Us(Scanner("2025-03-01", dco: 1.6m).WithUsIcs(eccn).For(SmicBeijing)).Condition(ZeroDeMinimis).ShouldBe(expected);

    [Fact]
    public void The_SME_paragraphs_are_left_to_734_4_a_8() =>
        Us(Scanner("2025-03-01", dco: 1.1m, to: "KR").WithUsIcs("3A991").For(SmicBeijing)).Condition(ZeroDeMinimis).ShouldBe(Truth.False);

    [Theory]
    [InlineData("logic", Truth.True)]
    [InlineData("dram", Truth.True)]
    [InlineData("nand", Truth.False)]
    public void The_zero_de_minimis_rule_reaches_logic_and_DRAM_fabs_in_China(string fab, Truth expected) =>
        Us(Scanner("2025-03-01", dco: 1.6m).WithUsIcs("3A991").AtFab(fab)).Condition(ZeroDeMinimis).ShouldBe(expected);
}
