using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.UsItems;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// The worldwide NS and RS licence requirements for 3B001.c.1.a, c.1.c and .q (EAR §742.4(a)(5), §742.6(a)(10)),
/// added by the interim final rule of 2024-09-06 (89 FR 72926, effective that day), with License Exception IEC
/// offered as a candidate, never concluded.
/// </summary>
public sealed class UsWorldwideSmeRowsTests
{
    private const string Row = "us.ear.ccl-worldwide-3b001-c1-q";

    private static Finding RowOf(Transaction t) => Us(t).Findings.Single(f => f.Rule == Row);

    [Theory]
    [InlineData("2024-09-05", O.Permitted)]
    [InlineData("2024-09-06", O.LicenseRequired)]
    [InlineData("2024-09-07", O.LicenseRequired)]
    public void A_US_3B001_c_1_c_etcher_needs_a_licence_to_Germany_from_2024_09_06(string date, O expected) =>
        Us(Etcher(date)).Outcome.ShouldBe(expected);

    [Fact]
    public void The_row_offers_IEC_outside_Macau_and_D5()
    {
        var row = RowOf(Etcher("2025-03-01"));
        row.Status.ShouldBe(FindingStatus.Applies);
        row.Exceptions.Select(e => e.Id).ShouldBe(["IEC"]);
    }

    [Fact]
    public void To_China_IEC_is_not_offered_for_3B001_c_and_the_Macau_D5_row_offers_GOV_only()
    {
        var us = Us(Etcher("2025-03-01", to: "CN"));
        us.Findings.Single(f => f.Rule == Row).Exceptions.ShouldBeEmpty();
        us.Findings.Single(f => f.Rule == "us.ear.ccl-sme-macau-d5").Exceptions.Select(e => e.Id).ShouldBe(["GOV"]);
    }

    [Theory]
    [InlineData(299, O.LicenseRequired)]
    [InlineData(300, O.Permitted)]
    public void Gas_switching_under_300_ms_is_c_1_c(decimal ms, O expected) =>
        Us(Etcher("2025-03-01", gasSwitchingMs: ms)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(20, O.LicenseRequired)]
    [InlineData(19, O.Permitted)]
    public void Twenty_chuck_zones_or_more_is_c_1_c(decimal zones, O expected) =>
        Us(Etcher("2025-03-01", zones: zones)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(100, O.LicenseRequired)]
    [InlineData(99, O.Permitted)]
    public void A_SiGe_Si_selectivity_of_100_or_more_is_c_1_a(decimal selectivity, O expected) =>
        Us(IsotropicEtcher("2025-03-01", selectivity)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2024-09-05", O.Permitted)]
    [InlineData("2024-09-06", O.LicenseRequired)]
    [InlineData("2024-09-07", O.LicenseRequired)]
    public void A_US_EUV_mask_of_3B001_q_needs_a_licence_to_Japan_from_2024_09_06(string date, O expected) =>
        Us(UsMade(EuvMask(date, from: "US", to: "JP"))).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("yes", "no", O.LicenseRequired)]
    [InlineData("no", "no", O.Permitted)]    // not on a 3B001.j substrate blank
    [InlineData("yes", "yes", O.Permitted)]  // for 3A001 ICs: 3B001.g, "not specified by 3B001.g"
    public void Only_a_mask_on_a_3B001_j_blank_not_for_3A001_ICs_is_3B001_q(string blank, string for3A001, O expected) =>
        Us(UsMade(EuvMask("2025-03-01", from: "US", to: "JP", blank: blank, for3A001: for3A001))).Outcome.ShouldBe(expected);

    [Fact]
    public void A_transfer_within_the_country_is_not_an_export_or_reexport_under_742_6_a_10() =>
        Us(Etcher("2025-03-01") with { Activity = Activity.Transfer }).Findings.Single(f => f.Rule == Row).Status.ShouldNotBe(FindingStatus.Applies);
}
