using NodaTime;
using Reticle.Screening.Listing;

namespace Reticle.Tests.Screening.Listing;

/// <summary>The shipped page-to-date table: read strictly, looked up by binary search.</summary>
public sealed class FederalRegisterPagesTests
{
    private const string Header = "volume,first_page,last_page,published,effective,document,source";

    private static FederalRegisterPages Table(params string[] rows) => FederalRegisterPages.Parse(string.Join("\n", [Header, .. rows]));

    [Fact]
    public void The_bundled_table_is_the_shipped_file_and_dates_the_RSLaser_rule()
    {
        var shipped = FederalRegisterPages.Parse(File.ReadAllText(Path.Combine(Repository.Content, "lists", "federal-register-pages.csv")));
        FederalRegisterPages.Bundled.Documents.ShouldBe(shipped.Documents);
        var document = FederalRegisterPages.Bundled.Find(new FederalRegisterCitation(90, 4617)).ShouldNotBeNull();
        document.Published.ShouldBe(new LocalDate(2025, 1, 16));
        document.Effective.ShouldBe(new LocalDate(2025, 1, 16));
        document.Document.ShouldBe("2025-00704");
    }

    [Theory]
    [InlineData(4616, false)]
    [InlineData(4617, true)]
    [InlineData(4620, true)]
    [InlineData(4621, false)]
    public void A_page_is_dated_only_within_a_document_of_the_table(int page, bool dated)
    {
        var table = Table("90,4617,4620,2025-01-16,2025-01-16,2025-00704,https://example.org/a", "90,4630,4640,2025-01-17,,,https://example.org/b");
        (table.Find(new FederalRegisterCitation(90, page)) is not null).ShouldBe(dated);
    }

    [Fact]
    public void The_same_page_of_another_volume_is_not_dated()
    {
        // "84 FR 37423" is a typing error for 83 FR 37423 in several entries: it must not be dated as 83's page.
        var table = Table("83,37422,37436,2018-08-01,2018-08-01,,https://example.org/a");
        table.Find(new FederalRegisterCitation(83, 37423)).ShouldNotBeNull();
        table.Find(new FederalRegisterCitation(84, 37423)).ShouldBeNull();
    }

    [Fact]
    public void A_citation_without_a_page_is_not_dated() =>
        FederalRegisterPages.Bundled.Find(new FederalRegisterCitation(90, null)).ShouldBeNull();

    [Fact]
    public void Binary_search_agrees_with_a_scan_of_every_row_on_every_page_near_the_bundled_documents()
    {
        var table = FederalRegisterPages.Bundled;
        foreach (var document in table.Documents)
        {
            for (var page = document.FirstPage - 3; page <= document.LastPage + 3; page++)
            {
                var citation = new FederalRegisterCitation(document.Volume, page);
                table.Find(citation).ShouldBe(table.Documents.SingleOrDefault(d => d.Holds(citation)), citation.ToString());
            }
        }
    }

    [Theory]
    [InlineData("90,4617,4620,2025-01-16,2025-01-16,2025-00704,https://example.org/a\n90,4620,4624,2025-01-16,,,https://example.org/b", "two rows")]
    [InlineData("90,4617,4620,2024-01-16,,,https://example.org/a", "is the year 2025")]
    [InlineData("90,4620,4617,2025-01-16,,,https://example.org/a", "first page <= last page")]
    [InlineData("90,4617,4620,2025-01-16,,", "7 fields")]
    [InlineData("90,4617,4620,16/01/2025,,,https://example.org/a", "not a date")]
    [InlineData("90,4617,4620,2025-01-16,,,https://example.org/a\n90,5000,5001,2025-01-15,,,https://example.org/b", "date order")]
    public void A_malformed_table_is_refused_naming_what_is_wrong(string rows, string message) =>
        Should.Throw<FormatException>(() => Table(rows)).Message.ShouldContain(message);

    [Fact]
    public void A_table_without_its_header_is_refused() =>
        Should.Throw<FormatException>(() => FederalRegisterPages.Parse("90,4617,4620,2025-01-16,,,x")).Message.ShouldContain("header");
}
