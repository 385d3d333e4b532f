using NodaTime;
using Reticle.Model;
using Reticle.Ownership;
using static Reticle.Tests.Ownership.OwnershipFixtures;

namespace Reticle.Tests.Ownership;

public class OwnershipClosureTests
{
    [Fact]
    public void A_stake_of_49_9_percent_does_not_carry_a_listing_over()
    {
        var screen = Screen([Stake("Listed Parent", "Sub", 49.9m)], El("Listed Parent"));
        screen.Bis("Sub").ShouldBeNull();
    }

    [Fact]
    public void A_stake_of_exactly_50_percent_carries_a_listing_over()
    {
        var screen = Screen([Stake("Listed Parent", "Sub", 50.0m)], El("Listed Parent"));
        var finding = screen.Bis("Sub").ShouldNotBeNull();
        finding.Status.ShouldBe(OwnershipStatus.Owned);
        finding.Percent.ShouldBe(50m);
        finding.ListedOwners.Single().Name.ShouldBe("Listed Parent");
        finding.Because.ShouldBe("owned 50 % by Listed Parent (EL)");
    }

    [Fact]
    public void Shares_of_several_listed_owners_add_up_and_the_split_across_decimals_is_exact()
    {
        var screen = Screen([Stake("Alpha", "Joint", 24.95m), Stake("Beta", "Joint", 25.05m)], El("Alpha"), El("Beta"));
        var finding = screen.Bis("Joint").ShouldNotBeNull();
        finding.Percent.ShouldBe(50m);
        finding.ListedOwners.Select(e => e.Name).ShouldBe(["Alpha", "Beta"]);
        finding.Paths.Length.ShouldBe(2);
    }

    [Fact]
    public void Owners_on_different_lists_aggregate_under_the_BIS_rule_but_only_SDN_owners_count_for_OFAC()
    {
        var screen = Screen([Stake("EL Owner", "Mixed", 30m), Stake("SDN Owner", "Mixed", 20m)], El("EL Owner"), Sdn("SDN Owner"));
        screen.Bis("Mixed").ShouldNotBeNull().ListedOwners.Select(e => e.List).ShouldBe(["EL", "SDN"]);
        screen.Ofac("Mixed").ShouldBeNull();
    }

    [Fact]
    public void An_entity_owned_through_a_chain_is_explained_by_its_path()
    {
        // Y is 60 % owned by X, so Y's 25 % counts in full beside X's own 30 %.
        var screen = Screen([Stake("X", "Y", 60m), Stake("Y", "T", 25m), Stake("X", "T", 30m)], El("X", footnote: 4));
        var finding = screen.Bis("T").ShouldNotBeNull();
        finding.Percent.ShouldBe(55m);
        finding.Because.ShouldBe("owned 30 % by X (EL, footnote 4) and 25 % through Y, itself owned 60 % by X (EL, footnote 4)");
        finding.Paths.Select(p => string.Join(" <- ", p.Select(s => $"{s.Owner} {s.Percent}"))).ShouldBe(["X 30", "Y 25 <- X 60"]);
        finding.ListedOwners.Single().Footnotes.ShouldBe([4]);
    }

    [Fact]
    public void A_minority_holding_of_a_listed_party_does_not_pass_through_an_intermediate()
    {
        // X holds 40 % of Y: Y is not restricted, so its 100 % of T carries nothing (no multiplying down the chain).
        var screen = Screen([Stake("X", "Y", 40m), Stake("Y", "T", 100m)], El("X"));
        screen.Bis("Y").ShouldBeNull();
        screen.Bis("T").ShouldBeNull();
    }

    [Fact]
    public void Cycles_terminate_and_an_unlisted_ring_restricts_nothing()
    {
        var screen = Screen(
            [Stake("X", "A", 60m), Stake("A", "B", 50m), Stake("B", "A", 40m), Stake("C", "D", 100m), Stake("D", "C", 100m)],
            El("X"));
        screen.Bis("B").ShouldNotBeNull().Because.ShouldBe(
            "owned 50 % through A, itself owned 60 % by X (EL) and 40 % by B (itself restricted through ownership)");
        screen.Bis("C").ShouldBeNull();
        screen.Bis("D").ShouldBeNull();
    }

    [Fact]
    public void An_expired_stake_counts_before_its_end_and_not_after()
    {
        var screen = Screen([Stake("X", "Sold", 80m, until: new LocalDate(2026, 3, 1))], El("X"));
        screen.Bis("Sold", new LocalDate(2026, 2, 28)).ShouldNotBeNull();
        screen.Bis("Sold", new LocalDate(2026, 3, 1)).ShouldBeNull();
        screen.Bis("Sold", new LocalDate(2019, 12, 31)).ShouldBeNull();
    }

    [Fact]
    public void A_stake_of_unstated_share_leaves_the_party_undetermined_and_names_the_missing_fact()
    {
        var screen = Screen([Stake("X", "Maybe", 30m), Stake("Y", "Maybe", null)], El("X"), El("Y"));
        var finding = screen.Bis("Maybe").ShouldNotBeNull();
        finding.Status.ShouldBe(OwnershipStatus.Undetermined);
        finding.Percent.ShouldBe(30m);
        finding.Missing.ShouldBe(["ownership share of 'Maybe' held by 'Y' (register Y/Maybe)"]);
        finding.ListedOwners.Select(e => e.Name).ShouldBe(["X", "Y"]);
    }

    [Fact]
    public void A_party_the_facts_do_not_name_or_no_listed_party_reaches_has_no_finding()
    {
        var screen = Screen([Stake("Clean Parent", "Clean Sub", 100m)], El("X"));
        screen.Find("Nobody", "CN", Day).ShouldBeEmpty();
        screen.Find("Clean Sub", "CN", Day).ShouldBeEmpty();
    }

    [Fact]
    public void Names_are_matched_as_normalised_so_spelling_of_case_and_punctuation_does_not_hide_a_subsidiary()
    {
        var screen = Screen([Stake("X", "Acme Semiconductor Co., Ltd.", 100m)], El("X"));
        screen.Find("ACME SEMICONDUCTOR CO LTD", "CN", Day).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_name_screened_without_a_country_finds_the_one_entity_of_that_name()
    {
        var screen = Screen([Stake("X", "Acme Semiconductor Co., Ltd.", 100m)], El("X"));
        screen.Find("Acme Semiconductor Co., Ltd.", null, Day).ShouldHaveSingleItem().Regime.ShouldBe(OwnershipRegime.BisAffiliates);
    }

    [Fact]
    public void A_name_without_a_country_that_entities_in_two_countries_share_finds_neither()
    {
        var elsewhere = new Stake("Someone", CountryCode.Parse("SG"), "Acme Semiconductor Co., Ltd.", CountryCode.Parse("SG"), 100m,
            new LocalDate(2020, 1, 1), null, "register SG");
        var screen = Screen([Stake("X", "Acme Semiconductor Co., Ltd.", 100m), elsewhere], El("X"));
        screen.Find("Acme Semiconductor Co., Ltd.", null, Day).ShouldBeEmpty();
        screen.Find("Acme Semiconductor Co., Ltd.", "CN", Day).ShouldHaveSingleItem();
    }
}
