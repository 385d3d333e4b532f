using NodaTime;
using Reticle.Screening;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>The UN Security Council Consolidated List XML (un-xml), full list of 2026-02-27.</summary>
public sealed class UnXmlImportTests
{
    private const string File = "un/UN_consolidated_2026-02-27.xml";

    private static readonly Lazy<ListSnapshot> Un = new(() => Read("un-xml", File));

    [Fact]
    public void Un_xml_reads_every_individual_and_entity_with_the_generation_date()
    {
        var un = Un.Value;
        un.Dataset.ShouldBe("un");
        un.Published.ShouldBe(new LocalDate(2026, 2, 27));
        un.Entries.Length.ShouldBe(1_003);
        un.Entries.Count(e => e.Type == PartyType.Individual).ShouldBe(730);
        un.Entries.Count(e => e.Type == PartyType.Entity).ShouldBe(273);
        un.Entries.ShouldAllBe(e => e.List == "UN" && e.Programs.Length == 1);
    }

    [Fact]
    public void Un_xml_joins_the_name_parts_and_keeps_the_name_in_its_original_script_as_an_alias()
    {
        var saddam = Un.Value.Entries.Single(e => e.Id == "IQi.001");
        saddam.Name.ShouldBe("SADDAM HUSSEIN AL-TIKRITI");
        saddam.AltNames.ShouldContain("صدام حسين التكريتي");
        saddam.AltNames.ShouldContain("Abu Ali");
        saddam.Programs.ShouldBe(["Iraq"]);
        saddam.Countries.ShouldBe(["IQ"]);
        Un.Value.Entries.Count(e => e.AltNames.Any(a => a.Any(c => c >= '\u0600'))).ShouldBeGreaterThanOrEqualTo(378);
    }

    [Fact]
    public void Un_xml_reads_entity_aliases_and_maps_un_country_names()
    {
        var komid = Un.Value.Entries.Single(e => e.Id == "KPe.001");
        komid.Name.ShouldBe("KOREA MINING DEVELOPMENT TRADING CORPORATION");
        komid.Type.ShouldBe(PartyType.Entity);
        komid.AltNames.ShouldContain("CHANGGWANG SINYONG CORPORATION");
        komid.Countries.ShouldBe(["KP"]);
        komid.Remarks.ShouldNotBeNull().ShouldStartWith("Primary arms dealer");
        Un.Value.Entries.Single(e => e.Id == "CDi.001").Countries.ShouldBe(["CD", "RW"]);
    }

    [Fact]
    public void Un_xml_refuses_a_truncated_file_naming_the_line()
    {
        var bytes = SharedLists.File(File).Content;
        var error = Refuse("un-xml", new Reticle.Screening.Import.ListFile("un.xml", bytes[..(bytes.Length / 2)])).ShouldHaveSingleItem();
        error.Where.ShouldMatch(@"^un\.xml:\d+:\d+$");
        error.Message.ShouldStartWith("malformed XML");
    }

    [Fact]
    public void Un_xml_refuses_a_document_of_another_schema()
    {
        var error = Refuse("un-xml", SharedLists.File("csl-samples/treasury_consolidated_sample_2021.xml")).ShouldHaveSingleItem();
        error.Where.ShouldBe("treasury_consolidated_sample_2021.xml:2:2");
        error.Message.ShouldContain("expected a <CONSOLIDATED_LIST> document");
    }

    [Fact]
    public void Un_xml_refuses_two_entries_with_one_reference_number_naming_both()
    {
        var text = TextOf(File).Replace("<REFERENCE_NUMBER>CDi.002</REFERENCE_NUMBER>", "<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>", StringComparison.Ordinal);
        var error = Refuse("un-xml", Text("un.xml", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("un.xml:42:6");
        error.Message.ShouldBe("entry id 'CDi.001' again (first at un.xml:4:6); ids must be unique in a list");
    }

    [Fact]
    public void Un_xml_refuses_a_document_type_definition()
    {
        const string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x \"boom\">]>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:00Z\"/>";
        var error = Refuse("un-xml", Text("un.xml", xml)).ShouldHaveSingleItem();
        error.Where.ShouldBe("un.xml:2:1");
        error.Message.ShouldContain("DTD");
    }
}
