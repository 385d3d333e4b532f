using Reticle.Model;
using Reticle.Rules.Compilation;
using static Reticle.Tests.Content.UsItems;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// EAR §734.4(a)(3): no de minimis level for 3B993.f.1 equipment (before 2024-12-02: 3B001.f.1.b.2.b)
/// destined to the production of advanced-node ICs meeting paragraph (1) of the §772.1 definition, logic,
/// unless the country of first export lists it; a DRAM or NAND fab is an advanced-node facility for §744.23
/// but is not caught.
/// </summary>
public sealed class UsAdvancedNodeLogicTests
{
    private const string ZeroDeMinimis = "no de minimis level for 3B993.f.1 equipment destined to advanced-node logic production";

    // A 1.6 nm scanner first exported from Korea (no export control list of its own here), 5 % US content.
    private static Transaction FromKorea(string date = "2025-03-01") => Scanner(date, dco: 1.6m, from: "KR");

    [Theory]
    [InlineData("logic", O.LicenseRequired)]
    [InlineData("dram", O.NotApplicable)]
    [InlineData("nand", O.NotApplicable)]
    public void Only_a_logic_fab_takes_away_the_de_minimis_level(string fab, O expected) =>
        Us(FromKorea().AtFab(fab)).Outcome.ShouldBe(expected);

    [Fact]
    public void A_mature_fab_is_not_asked_about_logic()
    {
        var us = Us(FromKorea());
        us.Condition(ZeroDeMinimis).ShouldBe(Truth.False);
        us.Outcome.ShouldBe(O.NotApplicable);
    }

    [Fact]
    public void An_advanced_node_fab_that_does_not_say_whether_it_makes_logic_is_review()
    {
        var us = Us(FromKorea().WithEndUse("advancedNodeFacility", Knowledge.Yes));
        us.Outcome.ShouldBe(O.Review);
        us.Findings.SelectMany(f => f.Missing).ShouldContain("endUse.advancedNodeLogicProduction");
    }

    [Fact]
    public void A_stated_unknown_is_not_read_as_no() =>
        Us(FromKorea().AtFab("logic").WithEndUse("advancedNodeLogicProduction", Knowledge.Unknown)).Condition(ZeroDeMinimis).ShouldBe(Truth.Unknown);

    [Theory]
    [InlineData("2023-11-16", O.NotApplicable)]
    [InlineData("2023-11-17", O.LicenseRequired)]
    [InlineData("2023-11-18", O.LicenseRequired)]
    public void The_rule_starts_on_2023_11_17_for_logic(string date, O expected) =>
        Us(FromKorea(date).AtFab("logic")).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2023-11-17")]
    [InlineData("2024-03-01")]
    public void The_2023_version_does_not_reach_a_DRAM_fab_either(string date) =>
        Us(FromKorea(date).AtFab("dram")).Outcome.ShouldBe(O.NotApplicable);

    // The footnote to 734.4(a)(3) dates the Dutch listing 2024-09-09; the Dutch amendment was in force from
    // 2024-09-07, and the rule's test is whether the country "has this commodity specified on an export
    // control list", which the Dutch pack answers from its in-force date.
    [Theory]
    [InlineData("2024-09-06", O.LicenseRequired)]
    [InlineData("2024-09-07", O.NotApplicable)]
    [InlineData("2024-09-08", O.NotApplicable)]
    [InlineData("2024-09-09", O.NotApplicable)]
    public void The_Dutch_listing_counts_from_its_in_force_date_not_the_footnotes_date(string date, O expected) =>
        Us(Scanner(date, dco: 1.6m, from: "NL").AtFab("logic")).Outcome.ShouldBe(expected);

    // Japan listed ArF immersion scanners from 2023-07-23 (the footnote's date and the Goods Order's), before
    // the 0 % rule existed: a Japanese first export always keeps its de minimis level.
    [Theory]
    [InlineData("2023-11-17")]
    [InlineData("2025-03-01")]
    public void A_scanner_first_exported_from_Japan_keeps_its_de_minimis_level(string date) =>
        Us(Scanner(date, dco: 1.6m, from: "JP").AtFab("logic")).Outcome.ShouldBe(O.NotApplicable);
}
