using Reticle.Determination;
using O = Reticle.Determination.Outcome;
using Reticle.Model;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Content;

/// <summary>
/// The first content slice: EU Annex I lithography and the Dutch national control, each rule on the
/// day before, the day of and the day after its effective date, and both sides of every threshold.
/// </summary>
public sealed class LithographySliceTests
{
    private static JurisdictionDetermination Decide(Transaction t, string jurisdiction) =>
        DeterminationEngine.Determine(BundledRules.Rules, t).Jurisdictions.Single(j => j.Jurisdiction == jurisdiction);

    private static O Outcome(Transaction t, string jurisdiction) => Decide(t, jurisdiction).Outcome;

    // --- Dutch Regeling of 2023: in force 2023-09-01 ------------------------------------------------

    [Theory]
    [InlineData("2023-08-31", O.NotApplicable)]
    [InlineData("2023-09-01", O.LicenseRequired)]
    [InlineData("2023-09-02", O.LicenseRequired)]
    public void Dutch_licence_for_DUV_immersion_starts_on_2023_09_01(string date, O expected) =>
        Outcome(Litho(date, dco: 1.1m), "NL").ShouldBe(expected);

    [Fact]
    public void Before_the_Dutch_rule_the_note_says_when_it_starts()
    {
        var nl = Decide(Litho("2023-08-31"), "NL");
        nl.Notes.ShouldContain(n => n.Contains("not yet in force") && n.Contains("2023-09-01"));
    }

    [Fact]
    public void Dutch_finding_shows_the_compared_values_and_the_citation()
    {
        var nl = Decide(Litho("2023-09-15"), "NL");
        var finding = nl.Findings.Single(f => f.Status == FindingStatus.Applies);
        finding.Rule.ShouldBe("nl.sme.duv-lithography");
        finding.Citation.ShouldContain("Stcrt. 2023, 18212");
        finding.Because.ShouldContain("wavelength 193 nm >= 193 nm");
        finding.Because.ShouldContain("MRF 35.74 nm (K 0.25, wavelength 193 nm, NA 1.35) <= 45 nm");
        finding.Because.ShouldContain("DCO 1.1 nm <= 1.50 nm");
        nl.Classifications.ShouldBe(["NL-SME-2023 3B001.f.4"]);
    }

    // --- Dutch amendment of 2024: in force 2024-09-07, adds 1.50 < DCO <= 2.40 ------------------------

    [Theory]
    [InlineData("2024-09-06", O.Permitted)]
    [InlineData("2024-09-07", O.LicenseRequired)]
    [InlineData("2024-09-08", O.LicenseRequired)]
    public void Dutch_licence_reaches_the_NXT1980i_band_from_2024_09_07(string date, O expected) =>
        Outcome(Litho(date, dco: 1.6m), "NL").ShouldBe(expected);

    [Theory]
    [InlineData(1.50, O.LicenseRequired)]
    [InlineData(1.51, O.Permitted)]
    public void Dutch_2023_overlay_bound_is_1_50_nm_inclusive(decimal dco, O expected) =>
        Outcome(Litho("2024-03-01", dco: dco), "NL").ShouldBe(expected);

    [Theory]
    [InlineData(1.51, O.LicenseRequired)]
    [InlineData(2.40, O.LicenseRequired)]
    [InlineData(2.41, O.Permitted)]
    public void Dutch_2024_overlay_bound_is_2_40_nm_inclusive(decimal dco, O expected) =>
        Outcome(Litho("2024-10-01", dco: dco), "NL").ShouldBe(expected);

    [Theory]
    [InlineData("US")]
    [InlineData("JP")]
    [InlineData("CN")]
    [InlineData("KR")]
    [InlineData("TW")]
    [InlineData("MO")]
    public void Dutch_rule_is_country_neutral_every_destination_outside_the_EU_needs_a_licence(string to) =>
        Outcome(Litho("2024-02-01", to: to), "NL").ShouldBe(O.LicenseRequired);

    [Theory]
    [InlineData("DE")]
    [InlineData("BE")]
    [InlineData("FR")]
    [InlineData("HR")]
    public void Dutch_rule_does_not_reach_transfers_inside_the_EU(string to)
    {
        var nl = Decide(Litho("2024-02-01", to: to), "NL");
        nl.Outcome.ShouldBe(O.Permitted);
        nl.Findings.Single(f => f.Rule == "nl.sme.duv-lithography").Because.ShouldContain($"destination {to} is in eu.customs-territory");
    }

    [Theory]
    [InlineData("2020-12-31", true)]
    [InlineData("2021-01-01", false)]
    public void The_United_Kingdom_left_the_EU_customs_territory_on_2021_01_01(string date, bool member) =>
        BundledRules.Rules.Groups["eu.customs-territory"].Contains("GB", Date(date)).ShouldBe(member);

    [Fact]
    public void Dutch_rule_does_not_reach_exports_from_other_member_states()
    {
        var nl = Decide(Litho("2024-02-01", from: "DE"), "NL");
        nl.Outcome.ShouldBe(O.NotApplicable);
        nl.Notes.ShouldContain(n => n.Contains("exporting country is DE, not NL"));
    }

    // --- EU Annex I: 3B001.f.1 (K 0.35), and 3B501.f.1.b from 2025-11-15 -----------------------------

    [Theory]
    [InlineData("2025-11-14", O.Permitted)]
    [InlineData("2025-11-15", O.LicenseRequired)]
    [InlineData("2025-11-16", O.LicenseRequired)]
    public void EU_3B501_catches_DUV_immersion_with_DCO_up_to_1_50_from_2025_11_15(string date, O expected) =>
        Outcome(Litho(date, dco: 1.1m), "EU").ShouldBe(expected);

    [Theory]
    [InlineData(1.50, O.LicenseRequired)]
    [InlineData(1.51, O.Permitted)]
    public void EU_3B501_overlay_bound_is_1_50_nm_inclusive(decimal dco, O expected) =>
        Outcome(Litho("2025-12-01", dco: dco), "EU").ShouldBe(expected);

    [Fact]
    public void EU_3B001_f_1_b_uses_K_0_35_so_ArF_immersion_at_NA_1_35_is_not_caught()
    {
        var eu = Decide(Litho("2024-02-01"), "EU");
        eu.Outcome.ShouldBe(O.Permitted);
        eu.Findings.Single(f => f.Rule == "eu.annex-i.art3-lithography").Because.ShouldContain("MRF 50.04 nm (K 0.35, wavelength 193 nm, NA 1.35), not <= 45 nm");
    }

    [Theory]
    [InlineData("2021-09-08", O.NotApplicable)]
    [InlineData("2021-09-09", O.LicenseRequired)]
    [InlineData("2021-09-10", O.LicenseRequired)]
    public void EU_licence_for_EUV_applies_from_the_recast_regulation(string date, O expected) =>
        Outcome(Litho(date, wavelength: 13.5m, na: 0.33m, dco: 1.4m), "EU").ShouldBe(expected);

    [Theory]
    [InlineData(192.9, O.LicenseRequired)]
    [InlineData(193, O.Permitted)]
    public void EU_3B001_f_1_a_wavelength_bound_is_shorter_than_193_nm(decimal wavelength, O expected) =>
        Outcome(Litho("2024-02-01", wavelength: wavelength, na: 0.5m), "EU").ShouldBe(expected);

    [Theory]
    [InlineData(45.00, true)]
    [InlineData(45.01, false)]
    public void MRF_bound_is_45_nm_inclusive_when_the_MRF_is_given(decimal mrf, bool listed)
    {
        // A stated MRF is taken at its word for every K, so 45 nm also puts the item in EU 3B001.f.1.b (K 0.35),
        // and then the Dutch requirement yields to Annex I (Art. 9(1)): the Dutch entry's bound shows in its classification.
        var nl = DeterminationEngine.Determine(BundledRules.Rules, Litho("2023-10-01", mrf: mrf)).Jurisdictions.Single(j => j.Jurisdiction == "NL");
        nl.Classifications.Contains("NL-SME-2023 3B001.f.4").ShouldBe(listed);
    }

    [Theory]
    // MRF = 193 x 0.25 / NA: NA 1.0723 gives 44.997 nm (caught), NA 1.0722 gives 45.001 nm (not caught).
    [InlineData(1.0723, O.LicenseRequired)]
    [InlineData(1.0722, O.Permitted)]
    public void MRF_bound_is_45_nm_inclusive_when_computed_from_wavelength_and_NA(decimal na, O expected) =>
        Outcome(Litho("2023-10-01", na: na), "NL").ShouldBe(expected);

    [Fact]
    public void Dry_ArF_is_not_caught_by_the_Dutch_rule_because_its_MRF_is_above_45_nm() =>
        Outcome(Litho("2024-03-01", na: 0.93m, dco: null), "NL").ShouldBe(O.Permitted);

    [Fact]
    public void Non_lithography_items_are_outside_the_lithography_rules()
    {
        var etch = Litho("2024-03-01", kind: "etch", wavelength: null, na: null, dco: null);
        var d = DeterminationEngine.Determine(BundledRules.Rules, etch);
        d.Jurisdictions.Where(j => j.Jurisdiction is "EU" or "NL").ShouldAllBe(j => j.Outcome == O.Permitted);
    }

    [Fact]
    public void Rules_apply_to_exports_only_not_to_service_visits_in_this_slice() =>
        Outcome(Litho("2024-03-01", activity: Activity.Service), "NL").ShouldBe(O.Permitted);

    [Fact]
    public void Overall_outcome_is_the_most_severe_jurisdiction()
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Litho("2025-12-01", dco: 1.1m));
        // From 2025-11-15 the scanner is in Annex I (3B501.f.1.b): the EU licence, not the Dutch one (Art. 9(1)).
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Outcome.ShouldBe(O.LicenseRequired);
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(O.Permitted);
        d.Outcome.ShouldBe(d.Jurisdictions.Max(j => j.Outcome));
        d.RuleVersions["NL"].ShouldBe("nl.sme-2025@2025-04-01");
        d.RuleVersions["EU"].ShouldContain("eu.annex-i-2025@2025-11-15");
    }
}
