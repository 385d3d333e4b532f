using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Matching;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Screening;

/// <summary>The parties of a transaction screened as the index screens them, however often the same name comes back.</summary>
public sealed class PartyScreenTests
{
    private static Transaction With(string name, string country) =>
        Litho("2024-03-01") with { Parties = [new Party(PartyRole.EndUser, name, CountryCode.Parse(country), null)] };

    [Fact]
    public void A_party_screened_again_gets_the_hits_the_index_gives()
    {
        var screen = BundledScreening.Parties;
        const string smic = "Semiconductor Manufacturing International (Beijing) Corporation";

        var first = screen.Screen(With(smic, "CN"));
        var again = screen.Screen(With(smic, "CN"));

        again.Select(h => (h.Hit.Entry.Id, h.Hit.Score)).ShouldBe(first.Select(h => (h.Hit.Entry.Id, h.Hit.Score)));
        first.Select(h => (h.Hit.Entry.Id, h.Hit.Score))
            .ShouldBe(BundledScreening.Index.Screen(new ScreeningQuery(smic, "CN")).GroupBy(h => (h.Entry.List, h.Entry.Name))
                .Select(g => g.MaxBy(h => h.Score)!).Select(h => (h.Entry.Id, h.Score)));
    }

    [Fact]
    public void The_same_name_in_another_country_is_screened_for_that_country()
    {
        var screen = BundledScreening.Parties;
        const string smic = "Semiconductor Manufacturing International (Beijing) Corporation";

        var inChina = screen.Screen(With(smic, "CN")).Max(h => h.Hit.Score);
        var inFrance = screen.Screen(With(smic, "FR")).Max(h => h.Hit.Score);

        // The listing names China: a party in France loses the country qualifier, so it must not reuse China's answer.
        inFrance.ShouldBeLessThan(inChina);
    }
}
