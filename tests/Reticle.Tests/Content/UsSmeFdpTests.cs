using Reticle.Rules.Compilation;
using static Reticle.Tests.Content.UsItems;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>The SME foreign direct product rule, EAR §734.9(k) (eCFR 2026-09-24), checked paragraph by paragraph.</summary>
public sealed class UsSmeFdpTests
{
    private const string Fdp = "direct product of US SME technology or software destined to Macau or D:5";

    [Theory]
    [InlineData("2024-12-01", O.NotApplicable)]
    [InlineData("2024-12-02", O.LicenseRequired)]
    [InlineData("2024-12-03", O.LicenseRequired)]
    public void A_3B001_f_1_scanner_made_with_3E992_is_subject_for_China_from_2024_12_02(string date, O expected) =>
        Us(Scanner(date, dco: 1.1m).MadeWith("3E992")).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("3E992", Truth.True)]
    [InlineData("3D992", Truth.True)]
    [InlineData("3E001", Truth.False)]   // (k)(1)(i) names 3D992 and 3E992 only; 3E001's heading excludes 3B001.f.1
    [InlineData("3E993", Truth.False)]
    public void The_direct_product_route_names_3D992_and_3E992(string input, Truth expected) =>
        Us(Scanner("2025-03-01", dco: 1.1m).MadeWith(input)).Condition(Fdp).ShouldBe(expected);

    [Fact]
    public void The_plant_route_brings_in_an_item_containing_a_chip_from_a_US_technology_plant() =>
        Us(Scanner("2025-03-01", dco: 1.1m) is var t ? t with { Item = t.Item with { ContainsUsTechnologyPlantProduct = true } } : t)
            .Condition(Fdp).ShouldBe(Truth.True);

    [Theory]
    [InlineData(1.1, Truth.True)]    // 3B001.f.1.b
    [InlineData(1.6, Truth.False)]   // 3B993.f.1 is not in (k)(1)
    public void The_product_scope_is_the_SME_set(decimal dco, Truth expected) =>
        Us(Scanner("2025-03-01", dco).MadeWith("3E992")).Condition(Fdp).ShouldBe(expected);

    [Fact]
    public void A_3B002_c_mask_inspection_tool_is_in_the_product_scope() =>
        Us(MaskInspection("2025-03-01").MadeWith("3E992")).Condition(Fdp).ShouldBe(Truth.True);

    [Theory]
    [InlineData("CN", Truth.True)]
    [InlineData("MO", Truth.True)]
    [InlineData("KR", Truth.False)]
    public void The_destination_scope_is_Macau_or_D5(string to, Truth expected) =>
        Us(Scanner("2025-03-01", dco: 1.1m, to: to).MadeWith("3E992")).Condition(Fdp).ShouldBe(expected);
}
