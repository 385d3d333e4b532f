using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Listing;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Listing;

/// <summary>One entity listed under several destinations: one entry each, one name, each with its own citations.</summary>
public sealed class NamesakeEntriesTests
{
    private static ListEntry El(string id, string country, string federalRegister) =>
        new("EL", id, "Acme Photonics Ltd", [], [country], "For all items subject to the EAR.", "Presumption of denial.", federalRegister);

    [Fact]
    public void A_party_matching_namesake_entries_is_dated_by_the_earliest_even_when_a_later_one_scores_best()
    {
        // The Chinese entry (listed 2025-01-16) matches the party's country and scores best; the Hong Kong entry's
        // listing cannot be dated, so the entity may have been listed long before.
        var index = ScreeningIndex.Build([El("cn", "CN", "90 FR 4617"), El("hk", "HK", "88 FR")]);
        var transaction = Transactions.Litho("2024-06-03") with { Parties = [new Party(PartyRole.EndUser, "Acme Photonics Ltd", CountryCode.Parse("CN"), null)] };

        var hit = new PartyScreen(index, new HashSet<string> { "EL" }).Screen(transaction).Single();

        hit.Hit.Entry.Id.ShouldBe("cn");
        hit.Hit.Entry.Listing!.For(Transactions.Date("2024-06-03")).ShouldBe(ListingStatus.NotYetListed);
        hit.ToListing().Listed!.For(Transactions.Date("2024-06-03")).ShouldBe(ListingStatus.TreatedAsListed);
    }

    [Fact]
    public void A_party_matching_one_entry_keeps_that_entrys_date()
    {
        var index = ScreeningIndex.Build([El("cn", "CN", "90 FR 4617")]);
        var transaction = Transactions.Litho("2024-06-03") with { Parties = [new Party(PartyRole.EndUser, "Acme Photonics Ltd", CountryCode.Parse("CN"), null)] };

        var hit = new PartyScreen(index, new HashSet<string> { "EL" }).Screen(transaction).Single();

        hit.ToListing().Listed!.Summary.ShouldBe("listed 2025-01-16 (90 FR 4617)");
    }
}
