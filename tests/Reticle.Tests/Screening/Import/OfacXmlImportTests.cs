using NodaTime;
using Reticle.Screening;
using Reticle.Screening.Import;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>OFAC's sdnList XML (ofac-xml), on the consolidated.xml sample of the ITA fixtures.</summary>
public sealed class OfacXmlImportTests
{
    private const string Sample = "csl-samples/treasury_consolidated_sample_2021.xml";

    /// <summary>
    /// The sample without its second BANK OF KUNLUN entry: the ITA fixture lists uid 15268 twice (once
    /// under program 561List, once as 561-Related), which OFAC's own files never do and the importer refuses.
    /// </summary>
    private static readonly Lazy<ListFile> Fixed = new(() =>
    {
        var text = TextOf(Sample);
        var second = text.IndexOf("<uid>15268</uid>", text.IndexOf("<uid>15268</uid>", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var start = text.LastIndexOf("  <sdnEntry>", second, StringComparison.Ordinal);
        var end = text.IndexOf("</sdnEntry>", second, StringComparison.Ordinal) + "</sdnEntry>\n".Length;
        return Text("sdn.xml", text[..start] + text[end..]);
    });

    private static ListSnapshot ReadFixed(string name = "sdn.xml")
    {
        var errors = new List<Reticle.Input.InputError>();
        var snapshot = ListImporter.Read("ofac-xml", [Fixed.Value with { Name = name }], errors);
        errors.ShouldBeEmpty();
        return snapshot.ShouldNotBeNull();
    }

    [Fact]
    public void Ofac_xml_refuses_the_ita_sample_as_published_because_it_lists_one_uid_twice()
    {
        // The shared data README says 48 sdnEntry elements: it counted opening and closing tags. The file
        // holds 24 (and claims 115 in Record_Count: the fixture was cut from a longer list).
        var error = Refuse("ofac-xml", File(Sample)).ShouldHaveSingleItem();
        error.Where.ShouldBe("treasury_consolidated_sample_2021.xml:674:4");
        error.Message.ShouldBe("entry id '15268' again (first at treasury_consolidated_sample_2021.xml:606:4); ids must be unique in a list");
    }

    [Fact]
    public void Ofac_xml_reads_every_sdn_entry_with_the_publish_date()
    {
        var snapshot = ReadFixed();
        snapshot.Entries.Length.ShouldBe(23);
        snapshot.Published.ShouldBe(new LocalDate(2014, 12, 17));
        snapshot.Dataset.ShouldBe("ofac-sdn");
        snapshot.Entries.ShouldAllBe(e => e.List == "SDN");
    }

    [Fact]
    public void Ofac_xml_reads_names_aliases_programs_and_countries()
    {
        var entries = ReadFixed().Entries;
        var vtb = entries.Single(e => e.Id == "17013");
        vtb.Name.ShouldBe("VTB BANK OAO");
        vtb.Type.ShouldBe(PartyType.Entity);
        vtb.Programs.ShouldBe(["UKRAINE-EO13662"]);
        vtb.AltNames.ShouldContain("VNESHTORGBANK");
        vtb.Remarks.ShouldNotBeNull().ShouldStartWith("For more information on directives");
        var haniya = entries.Single(e => e.Id == "9639");
        haniya.Name.ShouldBe("HANIYA, Ismail Abdul Salah");
        haniya.Type.ShouldBe(PartyType.Individual);
        haniya.AltNames.ShouldBe(["HANIYA, Ismail", "HANIYYA, Ismaeel"]);
        entries.Single(e => e.Name == "CHINA NATIONAL NUCLEAR CORPORATION").Countries.ShouldContain("CN");
        entries.ShouldContain(e => e.Countries.Contains("SO") && e.Countries.Contains("DJ"));
    }

    [Fact]
    public void Ofac_xml_calls_a_consolidated_file_the_consolidated_dataset()
    {
        var snapshot = ReadFixed("consolidated.xml");
        snapshot.Dataset.ShouldBe("ofac-cons");
        snapshot.Entries.ShouldAllBe(e => e.List == "CONS");
    }

    [Fact]
    public void Ofac_xml_refuses_a_truncated_file_naming_the_line()
    {
        var text = TextOf(Sample);
        var error = Refuse("ofac-xml", Text("sdn.xml", text[..text.IndexOf("<akaList>", StringComparison.Ordinal)])).ShouldHaveSingleItem();
        error.Where.ShouldMatch(@"^sdn\.xml:\d+:\d+$");
        error.Message.ShouldStartWith("malformed XML");
    }

    [Fact]
    public void Ofac_xml_refuses_an_entry_without_a_uid_naming_its_line()
    {
        var text = TextOf(Sample).Replace("<uid>17013</uid>", "", StringComparison.Ordinal);
        var error = Refuse("ofac-xml", Text("sdn.xml", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.xml:7:4");
        error.Message.ShouldContain("needs a uid");
    }

    [Fact]
    public void Ofac_xml_refuses_json_given_as_xml()
    {
        var error = Refuse("ofac-xml", Text("sdn.xml", "{\"results\": []}")).ShouldHaveSingleItem();
        error.Message.ShouldBe("this is JSON, not ofac-xml (XML); did you mean --format csl-json?");
    }
}
