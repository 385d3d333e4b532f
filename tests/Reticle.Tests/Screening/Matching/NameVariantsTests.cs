using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

public sealed class NameVariantsTests
{
    [Fact]
    public void An_acronym_in_parentheses_is_an_alias_of_its_own()
    {
        var variants = NameVariants.Of("Semiconductor Manufacturing International Corporation (SMIC)");
        variants.ShouldBe(["Semiconductor Manufacturing International Corporation", "SMIC"]);
    }

    [Fact]
    public void A_qualifier_in_parentheses_stays_part_of_the_name() =>
        NameVariants.Of("Semiconductor Manufacturing International (Beijing) Corporation")
            .ShouldBe(["Semiconductor Manufacturing International Beijing Corporation"]);

    [Fact]
    public void A_short_name_repeated_in_parentheses_is_an_alias() =>
        NameVariants.Of("Huawei Technologies Co., Ltd. (Huawei)").ShouldBe(["Huawei Technologies Co., Ltd.", "Huawei"]);

    [Fact]
    public void Aka_in_parentheses_is_an_alias() =>
        NameVariants.Of("KOLOKOL (AKA: ALDRICH AMES)").ShouldBe(["KOLOKOL", "ALDRICH AMES"]);

    [Fact]
    public void A_full_name_in_parentheses_after_an_acronym_is_an_alias() =>
        NameVariants.Of("MES (MODERN ENGINEERING SERVICES, LTD)").ShouldBe(["MES", "MODERN ENGINEERING SERVICES, LTD"]);

    [Fact]
    public void Alternatives_written_with_a_slash_are_each_a_name() =>
        NameVariants.Of("Al-Qa'ida/Islamic Army").ShouldBe(["Al-Qa'ida/Islamic Army", "Al-Qa'ida", "Islamic Army"]);

    [Fact]
    public void A_legal_form_with_a_slash_is_not_two_names() => NameVariants.Of("Maersk A/S").ShouldBe(["Maersk A/S"]);

    [Fact]
    public void An_entity_list_affiliate_is_a_name_of_its_own() =>
        NameVariants.Of("Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Beijing Huawei Longshine Information Technology Co., Ltd.")
            .ShouldContain("Beijing Huawei Longshine Information Technology Co., Ltd.");
}
