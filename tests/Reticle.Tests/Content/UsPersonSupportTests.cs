using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.UsParties;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// EAR §744.6(c)(2)(i)-(iii) with the exclusions of (d)(4) and (d)(5): US persons shipping or servicing
/// items not subject to the EAR. From 2022-10-12 a US person on the job at an advanced-node fab in China
/// needed a licence; from 2023-11-17 only at a facility of an entity headquartered in Macau or D:5, and not
/// for a natural US person working for a US or A:5/A:6 company not majority-owned from Macau or D:5.
/// </summary>
public sealed class UsPersonSupportTests
{
    private const string AdvancedNode = "us.ear.744-6-us-person-support";

    // A Dutch scanner with no US content (not subject to the EAR) serviced, or shipped, by the given person.
    private static Transaction Job(string date, Person person, string? endUserHq = "CN", Knowledge? advancedNode = null,
        Activity activity = Activity.Service, string to = "CN")
    {
        var t = Scanner(date, to: to, activity: activity, usIc: false);
        return t with
        {
            Parties = [EndUser(to, endUserHq), Exporter("NL", "NL")],
            EndUse = EndUse(advancedNode ?? Knowledge.Yes),
            Personnel = [person],
        };
    }

    [Theory]
    [InlineData("CN", null, O.LicenseRequired)]
    [InlineData("NL", "NL", O.Permitted)]
    [InlineData("US", "US", O.Permitted)]
    [InlineData("TW", "TW", O.Permitted)]
    [InlineData("US", "CN", O.LicenseRequired)]
    [InlineData("US", "MO", O.LicenseRequired)]
    public void A_US_engineer_servicing_at_an_advanced_node_fab_is_excluded_when_the_employer_is_allied_and_not_owned_from_Macau_or_D5(
        string employerHq, string? ownerHq, O expected)
    {
        foreach (var date in (string[])["2024-03-01", "2025-06-02"])
        {
            Us(Job(date, UsEngineer(employerHq, ownerHq))).Outcome.ShouldBe(expected, date);
        }
    }

    [Fact]
    public void Without_the_employer_the_answer_is_review_naming_it()
    {
        var us = Us(Job("2025-06-02", UsEngineer(null)));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(AdvancedNode).Missing.ShouldContain("personnel[0].employer.headquarters");
    }

    [Fact]
    public void An_allied_employer_whose_majority_owner_is_not_given_is_review_naming_the_owner()
    {
        var us = Us(Job("2025-06-02", UsEngineer("US")));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(AdvancedNode).Missing.ShouldBe(["personnel[0].employer.majorityOwnerHeadquarters"]);
    }

    [Fact]
    public void The_majority_owner_is_not_asked_of_an_employer_headquartered_in_D5()
    {
        var us = Us(Job("2025-06-02", UsEngineer("CN")));

        us.Outcome.ShouldBe(O.LicenseRequired);
        us.Findings.ShouldAllBe(f => f.Missing.IsDefaultOrEmpty || f.Missing.Length == 0);
    }

    [Theory]
    [InlineData("CN", O.LicenseRequired)]
    [InlineData("MO", O.LicenseRequired)]
    [InlineData("KR", O.Permitted)]
    [InlineData("US", O.Permitted)]
    public void C2i_reaches_only_a_facility_of_an_entity_headquartered_in_Macau_or_D5(string endUserHq, O expected) =>
        Us(Job("2025-06-02", UsEngineer("CN"), endUserHq: endUserHq)).Outcome.ShouldBe(expected);

    [Fact]
    public void Without_the_end_users_headquarters_the_answer_is_review_naming_it()
    {
        var us = Us(Job("2025-06-02", UsEngineer("CN"), endUserHq: null));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(AdvancedNode).Missing.ShouldBe(["parties[end-user].headquarters"]);
    }

    [Fact]
    public void A_person_who_is_not_a_US_person_needs_no_licence_whoever_employs_them() =>
        Us(Job("2025-06-02", new Person("Dutch engineer", false, CountryCode.Parse("NL")))).Outcome.ShouldBe(O.NotApplicable);

    [Fact]
    public void C2ii_a_fab_whose_node_is_unknown_needs_a_licence_for_Category_3_items() =>
        Us(Job("2025-06-02", UsEngineer("CN"), advancedNode: Knowledge.Unknown)).Finding("us.ear.744-6-unknown-node").Status
            .ShouldBe(FindingStatus.Applies);

    [Theory]
    [InlineData(Activity.Export, O.LicenseRequired)]
    [InlineData(Activity.Service, O.Permitted)]
    public void C2iii_shipping_SME_to_a_mature_node_fab_needs_a_licence_but_servicing_it_is_excluded_by_d5(Activity activity, O expected)
    {
        var us = Us(Job("2025-06-02", UsEngineer("CN"), advancedNode: Knowledge.No, activity: activity));

        us.Outcome.ShouldBe(expected);
        if (expected == O.LicenseRequired)
        {
            us.Finding("us.ear.744-6-sme").Status.ShouldBe(FindingStatus.Applies);
        }
    }

    [Fact]
    public void C2iii_does_not_reach_a_US_person_of_an_allied_company() =>
        Us(Job("2025-06-02", UsEngineer("NL", "NL"), advancedNode: Knowledge.No, activity: Activity.Export)).Outcome.ShouldBe(O.Permitted);

    // The October 2022 rule: US persons from 2022-10-12, every advanced-node fab in China, no employer test.
    [Theory]
    [InlineData("2022-10-11", O.Permitted)]
    [InlineData("2022-10-12", O.LicenseRequired)]
    [InlineData("2022-10-13", O.LicenseRequired)]
    public void The_US_person_rule_starts_on_2022_10_12(string date, O expected) =>
        Us(Job(date, UsEngineer("NL", "NL"), endUserHq: "KR")).Outcome.ShouldBe(expected);

    // From 2023-11-17 the headquarters test and (d)(4) take a Dutch employer's engineer at a Korean-owned fab out.
    [Theory]
    [InlineData("2023-11-16", O.LicenseRequired)]
    [InlineData("2023-11-17", O.Permitted)]
    [InlineData("2023-11-18", O.Permitted)]
    public void The_employer_exclusion_applies_from_2023_11_17(string date, O expected) =>
        Us(Job(date, UsEngineer("NL", "NL"))).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2023-11-16", O.LicenseRequired)]
    [InlineData("2023-11-17", O.Permitted)]
    public void The_headquarters_test_for_the_facility_applies_from_2023_11_17(string date, O expected) =>
        Us(Job(date, UsEngineer("CN"), endUserHq: "KR")).Outcome.ShouldBe(expected);
}
