using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.UsParties;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// EAR §742.4(a)(4)(ii)(B)-(C) and §742.6(a)(6)(i)(A)(2)(ii)-(iii): an item subject to the EAR only
/// through §734.4(a)(8) or §734.9(k) needs no licence under those paragraphs when exported from abroad by
/// an entity located in a Supplement No. 4 country (or one with equivalent controls) that is not
/// headquartered, nor its ultimate parent, in Macau or D:5.
/// </summary>
public sealed class UsAlliedExporterTests
{
    private const string SmeRow = "us.ear.ccl-sme-macau-d5";

    // §734.4(a)(8) ends "unless excluded from the national security license requirement in § 742.4(a)(4) or the
    // regional stability license requirement in § 742.6(a)(6)": for an allied exporter the 0 % level does not
    // exist, the ordinary de minimis level governs, and a scanner caught only by (a)(8) is not subject to the EAR.
    [Fact]
    public void ASML_exporting_an_NXT2050i_from_the_Netherlands_to_an_unlisted_mature_node_fab_needs_no_US_licence()
    {
        var us = Us(Scanner("2025-06-02"));

        us.Classifications.ShouldContain("US-CCL 3B001.f.1.b");
        us.Findings.ShouldAllBe(f => f.Status != FindingStatus.Applies);
        us.Outcome.ShouldBe(O.NotApplicable);
    }

    [Theory]
    [InlineData("CN", O.LicenseRequired)]
    [InlineData("MO", O.LicenseRequired)]
    [InlineData("RU", O.LicenseRequired)]
    [InlineData("NL", O.NotApplicable)]
    [InlineData("US", O.NotApplicable)]
    [InlineData("KR", O.NotApplicable)]
    public void An_exporter_headquartered_in_Macau_or_D5_loses_the_exclusion(string headquarters, O expected) =>
        Us(Scanner("2025-06-02", exporter: Exporter("NL", headquarters))).Outcome.ShouldBe(expected);

    // §734.9(k) has no "unless excluded" clause: a direct product of 3E992 stays subject to the EAR and only the
    // §742.4(a)(4)/§742.6(a)(6) licence is excluded for the allied exporter.
    [Theory]
    [InlineData("NL", O.Permitted)]
    [InlineData("CN", O.LicenseRequired)]
    public void A_direct_product_under_the_SME_FDP_rule_stays_subject_and_only_the_licence_is_excluded(string headquarters, O expected)
    {
        var t = Scanner("2025-06-02", exporter: Exporter("NL", headquarters));
        var us = Us(t with { Item = t.Item with { UsTechnologyInputs = ["3E992"] } });

        us.Finding(SmeRow).Status.ShouldBe(expected == O.Permitted ? FindingStatus.DoesNotApply : FindingStatus.Applies);
        us.Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(Knowledge.Yes, O.NotApplicable)]
    [InlineData(Knowledge.No, O.LicenseRequired)]
    public void An_exporter_located_outside_Supplement_No_4_is_excluded_only_where_its_country_has_equivalent_controls(Knowledge equivalent, O expected) =>
        Us(Scanner("2025-06-02", from: "SG", exporter: Exporter("SG", "SG"), equivalentControls: equivalent)).Outcome.ShouldBe(expected);

    [Fact]
    public void Equivalent_controls_not_stated_for_an_exporter_outside_Supplement_No_4_gives_review_asking_for_them()
    {
        var us = Us(Scanner("2025-06-02", from: "SG", exporter: Exporter("SG", "SG")));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(SmeRow).Missing.ShouldBe(["endUse.equivalentControls"]);
    }

    [Fact]
    public void Equivalent_controls_are_not_asked_of_an_exporter_located_in_a_Supplement_No_4_country() =>
        Us(Scanner("2025-06-02")).Findings.ShouldAllBe(f => !f.Missing.Contains("endUse.equivalentControls"));

    [Fact]
    public void Without_an_exporter_party_the_answer_is_review_naming_the_exporter()
    {
        var us = Us(Scanner("2025-06-02", withExporter: false));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(SmeRow).Missing.ShouldContain("parties[exporter]");
    }

    [Fact]
    public void Without_the_exporters_headquarters_the_answer_is_review_naming_it()
    {
        var us = Us(Scanner("2025-06-02", exporter: Exporter("NL", null)));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(SmeRow).Missing.ShouldBe(["parties[exporter].headquarters"]);
    }

    [Theory]
    [InlineData("US", 0)]
    [InlineData("NL", 30)]
    public void The_exporter_is_not_asked_for_where_the_item_is_subject_to_the_EAR_on_other_grounds(string origin, int usContent)
    {
        var us = Us(Scanner("2025-06-02", withExporter: false, origin: origin, usContent: usContent));

        us.Outcome.ShouldBe(O.LicenseRequired);
        us.Finding(SmeRow).Status.ShouldBe(FindingStatus.Applies);
        us.Findings.ShouldAllBe(f => !f.Missing.Contains("parties[exporter]"));
    }

    [Fact]
    public void An_in_country_transfer_is_not_an_export_from_abroad_and_keeps_the_licence_requirement() =>
        Us(Scanner("2025-06-02", from: "CN", exporter: Exporter("NL", "NL"), activity: Activity.Transfer)).Outcome.ShouldBe(O.LicenseRequired);

    [Fact]
    public void A_reexport_from_Japan_by_a_Japanese_entity_is_excluded_too() =>
        Us(Scanner("2025-06-02", from: "JP", exporter: Exporter("JP", "JP"), activity: Activity.Reexport)).Outcome.ShouldBe(O.NotApplicable);

    // Supplement No. 4 and the §734.4(a)(8) route both came with 89 FR 96790 on 2024-12-02: the day before,
    // the scanner was not subject to the EAR at all; from that day it is for an exporter headquartered in D:5,
    // and stays outside the EAR for an allied exporter (the (a)(8) "unless excluded" clause).
    [Theory]
    [InlineData("2024-12-01", "CN", O.NotApplicable)]
    [InlineData("2024-12-02", "CN", O.LicenseRequired)]
    [InlineData("2024-12-03", "CN", O.LicenseRequired)]
    [InlineData("2024-12-01", "NL", O.NotApplicable)]
    [InlineData("2024-12-02", "NL", O.NotApplicable)]
    [InlineData("2024-12-03", "NL", O.NotApplicable)]
    public void The_exclusion_and_Supplement_No_4_apply_from_2024_12_02(string date, string headquarters, O expected) =>
        Us(Scanner(date, exporter: Exporter("NL", headquarters))).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2024-12-01", false)]
    [InlineData("2024-12-02", true)]
    [InlineData("2024-12-03", true)]
    public void The_Netherlands_is_in_Supplement_No_4_from_2024_12_02(string date, bool member) =>
        BundledRules.Rules.Groups["us.supp4-742"].Contains("NL", Transactions.Date(date)).ShouldBe(member);
}
