using Reticle.Screening.Listing;

namespace Reticle.Tests.Screening.Listing;

/// <summary>Federal Register citations as the Consolidated Screening List writes them for Entity List entries.</summary>
public sealed class FederalRegisterCitationTests
{
    [Theory]
    [InlineData("90 FR 4617", 90, 4617)]
    [InlineData("77 FR 61249 No. 195", 77, 61249)]
    [InlineData("80FR 69852", 80, 69852)]
    [InlineData("81 FR 14953; 84 fr 40241", 81, 14953)]
    [InlineData("79 FR  55608", 79, 55608)]
    [InlineData("75 FR 1699 (1/13/2010), 77 FR 24587", 75, 1699)]
    public void A_citation_gives_its_volume_and_page(string text, int volume, int page) =>
        FederalRegisterCitation.Parse(text)[0].ShouldBe(new FederalRegisterCitation(volume, page));

    [Theory]
    [InlineData("85 FR 34501; 88 FR", 88)]
    [InlineData("76 FR No. 197 (10/12/2011)", 76)]
    public void A_volume_without_a_page_is_a_citation_that_cannot_be_dated(string text, int volume) =>
        FederalRegisterCitation.Parse(text).ShouldContain(new FederalRegisterCitation(volume, null));

    [Fact]
    public void Every_citation_of_an_entry_is_read_in_the_order_written()
    {
        FederalRegisterCitation.Parse("63 FR 64322 (11/19/98), 65 FR 14444 (03/17/00), 66 FR 50090 (10/01/01), 77 FR 58006 (no. 182)")
            .ShouldBe([new(63, 64322), new(65, 14444), new(66, 50090), new(77, 58006)]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("(no. 182)")]
    public void Text_without_a_citation_gives_none(string? text) => FederalRegisterCitation.Parse(text).ShouldBeEmpty();

    [Fact]
    public void The_earliest_citation_is_the_lowest_volume_then_the_lowest_page()
    {
        FederalRegisterCitation.Earliest(FederalRegisterCitation.Parse("88 FR 70352; 89 FR 87265; 88 FR 12158"))
            .ShouldBe(new FederalRegisterCitation(88, 12158));
    }

    [Fact]
    public void A_citation_without_a_page_counts_as_the_earliest_of_its_volume()
    {
        FederalRegisterCitation.Earliest(FederalRegisterCitation.Parse("85 FR 83420; 85 FR; 86 FR 4864"))
            .ShouldBe(new FederalRegisterCitation(85, null));
    }

    [Fact]
    public void Any_text_parses_without_error_and_every_citation_it_gives_is_written_in_it()
    {
        var random = new Random(12);
        const string Alphabet = "0123456789 FRfr;,.()/No-pg\t";
        for (var i = 0; i < 5_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            foreach (var citation in FederalRegisterCitation.Parse(text))
            {
                text.ShouldContain(citation.Volume.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (citation.Page is { } page)
                {
                    text.ShouldContain(page.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
