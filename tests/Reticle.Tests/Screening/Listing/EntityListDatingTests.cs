using NodaTime;
using Reticle.Model;
using Reticle.Screening.Listing;

namespace Reticle.Tests.Screening.Listing;

/// <summary>An Entity List entry dated from its Federal Register citations, and from the snapshots that held it.</summary>
public sealed class EntityListDatingTests
{
    private static readonly FederalRegisterPages Pages = FederalRegisterPages.Parse("""
        volume,first_page,last_page,published,effective,document,source
        83,37422,37436,2018-08-01,2018-08-01,,https://example.org/a
        87,12226,12251,2022-03-03,,,https://example.org/b
        90,4617,4620,2025-01-16,2025-01-16,2025-00704,https://example.org/c
        90,14046,14052,2025-03-28,2025-03-25,,https://example.org/d
        """);

    private static LocalDate D(string iso) => Transactions.Date(iso);

    [Theory]
    [InlineData("2024-06-03", ListingStatus.NotYetListed)]
    [InlineData("2025-01-15", ListingStatus.NotYetListed)]
    [InlineData("2025-01-16", ListingStatus.Listed)]
    [InlineData("2025-01-17", ListingStatus.Listed)]
    public void An_entry_listed_by_90_FR_4617_applies_from_2025_01_16(string act, ListingStatus status) =>
        EntityListDating.FromCitations("90 FR 4617", Pages).For(D(act)).ShouldBe(status);

    [Fact]
    public void The_finding_names_the_date_and_the_citation_that_dated_it()
    {
        var listing = EntityListDating.FromCitations("90 FR 4617", Pages);
        listing.Describe(D("2025-01-16")).ShouldBe("listed 2025-01-16 (90 FR 4617)");
        listing.Describe(D("2024-06-03")).ShouldBe("listed 2025-01-16 (90 FR 4617), after this act (2024-06-03): not listed for it");
    }

    [Fact]
    public void An_entry_with_several_citations_is_dated_by_the_earliest_the_others_being_revisions()
    {
        var listing = EntityListDating.FromCitations("90 FR 4617; 83 FR 37423", Pages);
        listing.Exact.ShouldBe(D("2018-08-01"));
        listing.For(D("2024-06-03")).ShouldBe(ListingStatus.Listed);
        listing.Summary.ShouldBe("listed 2018-08-01 (83 FR 37423)");
    }

    [Fact]
    public void An_entry_whose_earliest_citation_is_not_in_the_table_is_treated_as_listed_even_if_a_later_one_is()
    {
        // The Indian Department of Atomic Energy entries: listed in 1998 (63 FR 64322), revised by 90 FR 4617.
        var listing = EntityListDating.FromCitations("63 FR 64322; 65 FR 14444; 66 FR 50090; 69 FR 56693; 90 FR 4617", Pages);
        listing.For(D("2024-06-03")).ShouldBe(ListingStatus.TreatedAsListed);
        listing.Describe(D("2024-06-03")).ShouldBe("listing date unknown (63 FR 64322 is not in the Federal Register page table): treated as listed");
    }

    [Theory]
    [InlineData("85 FR 34501; 88 FR", "2020-01-01")]
    [InlineData("76 FR No. 197 (10/12/2011)", "2011-01-01")]
    [InlineData("", "2000-01-01")]
    public void An_entry_whose_citation_cannot_be_dated_is_treated_as_listed_on_every_date(string federalRegister, string act)
    {
        var listing = EntityListDating.FromCitations(federalRegister, Pages);
        listing.For(D(act)).ShouldBe(ListingStatus.TreatedAsListed);
        listing.Describe(D(act)).ShouldStartWith("listing date unknown (");
        listing.Describe(D(act)).ShouldEndWith("): treated as listed");
    }

    [Fact]
    public void A_rule_effective_before_its_publication_applies_from_its_effective_date()
    {
        var listing = EntityListDating.FromCitations("90 FR 14046", Pages);
        listing.For(D("2025-03-24")).ShouldBe(ListingStatus.NotYetListed);
        listing.For(D("2025-03-25")).ShouldBe(ListingStatus.Listed);
        listing.Summary.ShouldBe("listed 2025-03-25 (90 FR 14046, published 2025-03-28)");
    }

    [Theory]
    [InlineData("2022-02-16", ListingStatus.NotYetListed)]
    [InlineData("2022-02-17", ListingStatus.TreatedAsListed)]
    [InlineData("2022-03-02", ListingStatus.TreatedAsListed)]
    [InlineData("2022-03-03", ListingStatus.Listed)]
    public void A_rule_known_only_by_its_publication_date_is_treated_as_listed_for_two_weeks_before_it(string act, ListingStatus status)
    {
        var listing = EntityListDating.FromCitations("87 FR 12240; 87 FR 34136", Pages);
        listing.For(D(act)).ShouldBe(status);
    }

    [Fact]
    public void Within_those_two_weeks_the_finding_says_the_date_is_not_known()
    {
        EntityListDating.FromCitations("87 FR 12240", Pages).Describe(D("2022-03-01")).ShouldBe(
            "listed by 2022-03-03 (87 FR 12240, published 2022-03-03; its effective date is not in the table); whether it applied on 2022-03-01 is not known: treated as listed");
    }

    [Theory]
    [InlineData("2019-06-29", ListingStatus.TreatedAsListed)]
    [InlineData("2019-06-30", ListingStatus.Listed)]
    [InlineData("2019-07-01", ListingStatus.Listed)]
    public void An_undatable_entry_held_by_an_older_snapshot_was_listed_by_that_snapshots_date(string act, ListingStatus status)
    {
        var listing = EntityListDating.HeldBy(EntityListDating.FromCitations("88 FR", Pages), D("2019-06-30"), "us-csl");
        listing.For(D(act)).ShouldBe(status);
        listing.Summary.ShouldBe("listed by 2019-06-30 (in the us-csl snapshot of 2019-06-30)");
    }

    [Fact]
    public void A_snapshot_older_than_the_cited_rule_shows_the_citation_is_wrong_for_the_entry_so_it_no_longer_bounds_it()
    {
        var listing = EntityListDating.HeldBy(EntityListDating.FromCitations("90 FR 4617", Pages), D("2024-12-31"), "us-csl");
        listing.NotBefore.ShouldBeNull();
        listing.For(D("2024-06-03")).ShouldBe(ListingStatus.TreatedAsListed);
        listing.For(D("2024-12-31")).ShouldBe(ListingStatus.Listed);
    }

    [Fact]
    public void A_snapshot_after_the_cited_rule_changes_nothing()
    {
        var cited = EntityListDating.FromCitations("90 FR 4617", Pages);
        EntityListDating.HeldBy(cited, D("2026-07-31"), "us-csl").ShouldBe(cited);
    }
}
