using Reticle.Screening;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>BIS's Denied Persons List as published, tab-separated (bis-dpl), in its 2022 and 2019 versions.</summary>
public sealed class BisDplImportTests
{
    private const string Dpl2022 = "bis/dpl_2022.txt";
    private const string Dpl2019 = "bis/dpl_2019.txt";

    private static readonly Lazy<ListSnapshot> Dpl = new(() => Read("bis-dpl", Dpl2022));

    [Fact]
    public void Bis_dpl_reads_every_row_once()
    {
        // 581 rows (2022) and 546 (2019: the README's 545 counts newlines, and the last row has none);
        // rows repeated word for word (2 in 2022, 3 in 2019) are read once.
        Dpl.Value.Entries.Length.ShouldBe(581 - 2);
        Read("bis-dpl", Dpl2019).Entries.Length.ShouldBe(546 - 3);
        Dpl.Value.Dataset.ShouldBe("bis-dpl");
        Dpl.Value.Entries.ShouldAllBe(e => e.List == "DPL" && e.ListName == "Denied Persons List (DPL) - Bureau of Industry and Security");
    }

    [Fact]
    public void Bis_dpl_keeps_the_federal_register_citation_and_the_order_dates_and_action_as_remarks()
    {
        // The first row prints the name with a leading space (" I. ASH"); two more rows list other addresses.
        Dpl.Value.Entries.Count(e => e.Name == "I. ASH").ShouldBe(3);
        var ash = Dpl.Value.Entries[0];
        ash.Name.ShouldBe("I. ASH");
        ash.FederalRegister.ShouldBe("68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07");
        ash.Remarks.ShouldBe("effective 2003-06-19; expires 2056-06-29; FEDERAL REGISTER NOTICE UPDATED");
        ash.Countries.ShouldBe(["US"]);
        ash.Id.ShouldMatch("^DPL-[0-9a-f]{16}$");
    }

    [Fact]
    public void Bis_dpl_gives_each_row_an_id_that_stays_the_same_across_versions()
    {
        var ids2019 = Read("bis-dpl", Dpl2019).Entries.Where(e => e.Name == "ALI M HIJAZI").Select(e => e.Id).Order().ToList();
        var ids2022 = Dpl.Value.Entries.Where(e => e.Name == "ALI M HIJAZI").Select(e => e.Id).Order().ToList();
        ids2022.Count.ShouldBe(3);
        ids2022.ShouldBe(ids2019);
    }

    [Fact]
    public void Bis_dpl_maps_prc_to_china()
    {
        Dpl.Value.Entries.SelectMany(e => e.Countries).ShouldAllBe(c => c.Length == 2);
        // 10 rows say CN and 2 PRC; one of the CN rows is a word-for-word repeat.
        Dpl.Value.Entries.Count(e => e.Countries.Contains("CN")).ShouldBe(11);
    }

    [Fact]
    public void Bis_dpl_refuses_two_different_rows_with_one_id_naming_both_lines()
    {
        var lines = TextOf(Dpl2022).Split('\n').ToList();
        lines.Insert(5, lines[1].Replace("\"FEDERAL REGISTER NOTICE UPDATED\"", "\"NAME CORRECTED\"", StringComparison.Ordinal));
        var error = Refuse("bis-dpl", Text("dpl.txt", string.Join('\n', lines))).ShouldHaveSingleItem();
        error.Where.ShouldBe("dpl.txt:6");
        error.Message.ShouldContain("(first at dpl.txt:2)");
    }

    [Fact]
    public void Bis_dpl_refuses_a_file_without_its_effective_date_column()
    {
        var text = TextOf(Dpl2022).Replace("\"Effective_Date\"", "\"Effective\"", StringComparison.Ordinal);
        var error = Refuse("bis-dpl", Text("dpl.txt", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("dpl.txt:1");
        error.Message.ShouldStartWith("missing required column 'Effective_Date'");
    }

    [Fact]
    public void Bis_dpl_refuses_a_bad_quote_naming_line_and_column()
    {
        var text = TextOf(Dpl2022).Replace("\"AARON ABRAHAM VILLA\"", "\"AARON \"ABE\" VILLA\"", StringComparison.Ordinal);
        var error = Refuse("bis-dpl", Text("dpl.txt", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("dpl.txt:3:9");
    }

    [Fact]
    public void Bis_dpl_refuses_a_truncated_file()
    {
        var text = TextOf(Dpl2022);
        var error = Refuse("bis-dpl", Text("dpl.txt", text[..(text.Length / 2)])).ShouldHaveSingleItem();
        error.Where.ShouldStartWith("dpl.txt:");
    }
}
