using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

/// <summary>Screening behaviour on the full CSL snapshot (25,921 entries), and on a few entries made for a case.</summary>
public sealed class ScreeningIndexTests
{
    private static ScreeningIndex Index => CslScreening.Index;

    private static ScreeningIndex Small(params ListEntry[] entries) => ScreeningIndex.Build(entries);

    [Fact]
    public void An_abbreviated_name_finds_the_listed_company()
    {
        var hits = Index.Screen(new ScreeningQuery("Semiconductor Manufacturing Intl. Corp.", Country: "CN"));
        var top = hits.First();
        top.Entry.Name.ShouldBe("Semiconductor Manufacturing International Corporation");
        top.Score.ShouldBeGreaterThanOrEqualTo(ScreeningIndex.StrongMatch);
        hits.ShouldContain(h => h.Entry.List == "EL" && h.Entry.Name.StartsWith("Semiconductor Manufacturing International (", StringComparison.Ordinal));
    }

    [Fact]
    public void Huawei_with_its_legal_form_finds_the_entity_list_entry()
    {
        var hits = Index.Screen(new ScreeningQuery("Huawei Technologies Co., Ltd.", Country: "CN", Type: PartyType.Entity));
        var entityList = hits.Single(h => h.Entry.List == "EL" && h.Entry.Name == "Huawei Technologies Co., Ltd. (Huawei)");
        entityList.Score.ShouldBe(1);
        hits[0].Score.ShouldBe(1);
    }

    [Fact]
    public void A_cyrillic_query_finds_the_latin_entry()
    {
        var top = Index.Screen(new ScreeningQuery("Владимир Владимирович Путин", Type: PartyType.Individual)).First();
        top.Entry.Name.ShouldBe("PUTIN, Vladimir Vladimirovich");
        top.Score.ShouldBeGreaterThan(0.95);
    }

    [Fact]
    public void A_chinese_query_finds_the_latin_entry()
    {
        var index = Small(CslScreening.Entry("SDN", "XI, Jinping"), CslScreening.Entry("SDN", "LI, Ming"), CslScreening.Entry("SDN", "XI, Ping"));
        var top = index.Screen(new ScreeningQuery("习近平")).ShouldHaveSingleItem();
        top.Entry.Name.ShouldBe("XI, Jinping");
    }

    [Fact]
    public void An_arabic_query_finds_the_latin_entry()
    {
        var index = Small(CslScreening.Entry("SDN", "HASSAN, Ahmed"), CslScreening.Entry("SDN", "HUSSEIN, Saddam"));
        index.Screen(new ScreeningQuery("أحمد حسن")).ShouldHaveSingleItem().Entry.Name.ShouldBe("HASSAN, Ahmed");
    }

    [Theory]
    [InlineData("Peter Jansen")]
    [InlineData("Maria Alice Nathan Leão")]
    [InlineData("ASML Netherlands B.V.")]
    public void A_common_unrelated_name_raises_no_alert(string name) =>
        Index.Screen(new ScreeningQuery(name)).ShouldBeEmpty();

    [Fact]
    public void A_name_whose_number_differs_does_not_match()
    {
        var index = Small(CslScreening.Entry("EL", "China Electronics Technology Group Corporation 13th Research Institute"));
        index.Screen(new ScreeningQuery("China Electronics Technology Group Corporation 14th Research Institute")).ShouldBeEmpty();
        index.Screen(new ScreeningQuery("China Electronics Technology Group Corporation 13th Research Institute")).ShouldHaveSingleItem();
    }

    [Fact]
    public void The_country_raises_a_score_when_it_agrees_and_lowers_it_when_it_does_not()
    {
        var entry = CslScreening.Entry("EL", "Jiangsu Lianyi Precision Instruments Co") with { Countries = ["CN"] };
        var index = Small(entry);
        var query = new ScreeningQuery("Jiangsu Lianyi Precision Instrument Company", Threshold: 0.5);
        var none = index.Screen(query).Single().Score;
        var agrees = index.Screen(query with { Country = "CN" }).Single().Score;
        var differs = index.Screen(query with { Country = "NL" }).Single().Score;
        agrees.ShouldBeGreaterThan(none);
        differs.ShouldBeLessThan(none);
        index.Screen(query with { Country = "NL" }).Single().Explanation.ShouldContain(l => l.StartsWith("country: NL is not among the entry's countries (CN)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_country_that_differs_never_hides_the_same_name()
    {
        var index = Small(CslScreening.Entry("EL", "Jiangsu Lianyi Precision Instruments Co") with { Countries = ["CN"] });
        var hit = index.Screen(new ScreeningQuery("Jiangsu Lianyi Precision Instruments Co", Country: "NL")).ShouldHaveSingleItem();
        hit.Score.ShouldBeGreaterThanOrEqualTo(ScreeningIndex.StrongMatch);
    }

    [Fact]
    public void A_person_is_not_taken_for_an_entity_of_the_same_name()
    {
        var index = Small(CslScreening.Entry("SDN", "Sharif Trading") with { Type = PartyType.Entity });
        var asEntity = index.Screen(new ScreeningQuery("Sharif Trading", Type: PartyType.Entity)).Single().Score;
        var asPerson = index.Screen(new ScreeningQuery("Sharif Trading", Type: PartyType.Individual, Threshold: 0.1)).Single();
        asPerson.Score.ShouldBeLessThan(asEntity);
        asPerson.Explanation.ShouldContain(l => l.StartsWith("type: query is a person, entry is an entity", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hit_explains_the_alignment_the_legal_form_and_the_country()
    {
        var hit = Index.Screen(new ScreeningQuery("Semiconductor Manufacturing Intl. Corp.", Country: "CN")).First();
        hit.MatchedName.ShouldNotBeNullOrEmpty();
        hit.Explanation.ShouldContain(l => l.StartsWith("query read as 'semiconductor manufacturing international corp'", StringComparison.Ordinal));
        hit.Explanation.ShouldContain(l => l.StartsWith("'international' ~ 'international': same word", StringComparison.Ordinal));
        hit.Explanation.ShouldContain(l => l.StartsWith("name score", StringComparison.Ordinal));
        hit.Explanation.ShouldContain(l => l.StartsWith("country: CN is among the entry's countries", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_lists_asked_for_are_screened()
    {
        var hits = Index.Screen(new ScreeningQuery("Semiconductor Manufacturing International Corporation", Lists: new HashSet<string> { "EL" }));
        hits.ShouldNotBeEmpty();
        hits.ShouldAllBe(h => h.Entry.List == "EL");
    }

    [Fact]
    public void Hits_come_best_first_above_the_threshold_and_within_the_limit()
    {
        var hits = Index.Screen(new ScreeningQuery("Semiconductor Manufacturing International", Threshold: 0.6, Limit: 5));
        hits.Length.ShouldBeLessThanOrEqualTo(5);
        hits.Select(h => h.Score).ShouldBeInOrder(SortDirection.Descending);
        hits.ShouldAllBe(h => h.Score >= 0.6);
    }

    [Fact]
    public void Screening_from_many_threads_gives_the_same_hits()
    {
        string[] names = ["Huawei Technologies", "Vladimir Putin", "Rosoboronexport", "Mahan Air", "Peter Jansen", "Kim Jong Un"];
        var expected = names.Select(n => string.Join("|", Index.Screen(new ScreeningQuery(n)).Select(h => $"{h.Entry.Id}:{h.Score}"))).ToArray();
        Parallel.For(0, 200, i =>
        {
            var n = i % names.Length;
            string.Join("|", Index.Screen(new ScreeningQuery(names[n])).Select(h => $"{h.Entry.Id}:{h.Score}")).ShouldBe(expected[n]);
        });
    }

    [Fact]
    public void In_ofac_mode_scores_follow_ofacs_tool()
    {
        var top = Index.Screen(new ScreeningQuery("VLADIMIR PUTIN") { Mode = ScoringMode.Ofac }).First();
        top.Entry.Name.ShouldBe("PUTIN, Vladimir Vladimirovich");
        top.Score.ShouldBe(1);
        top.Explanation.ShouldContain(l => l.StartsWith("OFAC-style score 100", StringComparison.Ordinal));
    }
}
