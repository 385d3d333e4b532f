using Reticle.Model;
using Reticle.Rules.Compilation;
using static Reticle.Tests.Content.UsItems;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// EAR §734.4(a)(8): no de minimis level for a commodity of the SME set that "contains a U.S.-origin
/// integrated circuit specified under Category 3, 4, or 5 of the CCL" and is destined to Macau or D:5.
/// The IC's classification is a stated fact (item.usOriginIcEccns); an IC of unstated classification is
/// review, because an EAR99 IC would leave the de minimis level in place.
/// </summary>
public sealed class UsOriginIcClassificationTests
{
    private const string ZeroDeMinimis = "no de minimis level for SME containing a US-origin integrated circuit";

    private static Transaction SmeScanner(string date = "2025-03-01", string to = "CN") => Scanner(date, dco: 1.1m, to: to);

    [Theory]
    [InlineData("3A991")]
    [InlineData("3A001.a.1")]
    [InlineData("4A994")]
    [InlineData("5A992.c")]
    public void A_chip_of_Category_3_4_or_5_takes_away_the_de_minimis_level(string eccn) =>
        Us(SmeScanner().WithUsIcs(eccn)).Outcome.ShouldBe(O.LicenseRequired);

    [Theory]
    [InlineData("EAR99")]
    [InlineData("6A993")]
    public void A_chip_outside_Categories_3_to_5_does_not(string eccn) =>
        Us(SmeScanner().WithUsIcs(eccn)).Outcome.ShouldBe(O.NotApplicable);

    [Fact]
    public void One_listed_chip_among_EAR99_ones_is_enough() =>
        Us(SmeScanner().WithUsIcs("EAR99", "3A991")).Condition(ZeroDeMinimis).ShouldBe(Truth.True);

    [Fact]
    public void No_US_origin_chip_means_no_zero_de_minimis() =>
        Us(SmeScanner().WithUsIcs()).Condition(ZeroDeMinimis).ShouldBe(Truth.False);

    [Fact]
    public void A_US_origin_chip_of_unstated_classification_is_review_naming_the_classification()
    {
        var t = SmeScanner();
        var us = Us(t with { Item = t.Item with { ContainsUsOriginIc = true } });

        us.Condition(ZeroDeMinimis).ShouldBe(Truth.Unknown);
        us.Outcome.ShouldBe(O.Review);
        us.Findings.SelectMany(f => f.Missing).ShouldContain("item.usOriginIcEccns");
    }

    [Fact]
    public void Outside_Macau_and_D5_the_chip_does_not_matter() =>
        Us(SmeScanner(to: "KR").WithUsIcs("3A991")).Outcome.ShouldBe(O.NotApplicable);

    [Fact]
    public void A_3B993_scanner_is_not_in_the_product_scope() =>
        Us(Scanner("2025-03-01", dco: 1.6m).WithUsIcs("3A991")).Condition(ZeroDeMinimis).ShouldBe(Truth.False);

    [Fact]
    public void A_3B002_c_inspection_tool_is_in_the_product_scope() =>
        Us(MaskInspection("2025-03-01").WithUsIcs("3A991")).Condition(ZeroDeMinimis).ShouldBe(Truth.True);

    [Theory]
    [InlineData("2024-12-01", O.NotApplicable)]
    [InlineData("2024-12-02", O.LicenseRequired)]
    [InlineData("2024-12-03", O.LicenseRequired)]
    public void The_rule_starts_on_2024_12_02(string date, O expected) =>
        Us(SmeScanner(date).WithUsIcs("3A991")).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("3A001", true)]
    [InlineData("3a991", true)]
    [InlineData("4A003.b", true)]
    [InlineData("5D002", true)]
    [InlineData("5A992.c", true)]
    [InlineData("2B001", false)]
    [InlineData("6A003", false)]
    [InlineData("EAR99", false)]
    [InlineData("3A99", false)]
    public void Category_3_4_or_5_is_read_from_the_ECCN(string eccn, bool expected) =>
        UsOriginIcs.IsInCategory345(eccn).ShouldBe(expected);
}
