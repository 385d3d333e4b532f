using System.Text;
using Reticle.Screening;
using Reticle.Screening.Import;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>OFAC's legacy CSV files (ofac-csv) on the real SDN and consolidated lists of the shared reference data.</summary>
public sealed class OfacCsvImportTests
{
    private const string FullSet = "ofac/ofac_sdn_2021_full_set/";

    private static readonly Lazy<ListSnapshot> Sdn2024 = new(() => Read("ofac-csv", "ofac/ofac_sdn/sdn_2024-05-03.csv"));

    private static readonly Lazy<ListSnapshot> Sdn2021 = new(() =>
        Read("ofac-csv", FullSet + "sdn.csv", FullSet + "alt.csv", FullSet + "add.csv", FullSet + "sdn_comments.csv"));

    [Fact]
    public void Ofac_csv_reads_every_entry_of_the_full_SDN_list_with_its_type()
    {
        var snapshot = Sdn2024.Value;
        snapshot.Dataset.ShouldBe("ofac-sdn");
        snapshot.Format.ShouldBe("ofac-csv");
        snapshot.Published.ShouldBeNull();
        snapshot.Entries.Length.ShouldBe(14_965);
        snapshot.Entries.Count(e => e.Type == PartyType.Individual).ShouldBe(6_854);
        snapshot.Entries.Count(e => e.Type == PartyType.Entity).ShouldBe(6_884);
        snapshot.Entries.Count(e => e.Type == PartyType.Vessel).ShouldBe(851);
        snapshot.Entries.Count(e => e.Type == PartyType.Aircraft).ShouldBe(376);
        snapshot.Entries.ShouldAllBe(e => e.List == "SDN" && e.ListName == "Specially Designated Nationals (SDN) - Treasury Department");
    }

    [Fact]
    public void Ofac_csv_reads_the_older_snapshots_too()
    {
        Read("ofac-csv", "ofac/ofac_sdn/sdn_2024-04-02.csv").Entries.Length.ShouldBe(14_560);
        Read("ofac-csv", "ofac/ofac_sdn/sdn_2021-08-18.csv").Entries.Length.ShouldBe(9_083);
    }

    [Fact]
    public void Ofac_csv_turns_the_empty_mark_into_nothing_and_splits_programs()
    {
        var bnc = Sdn2024.Value.Entries.Single(e => e.Id == "306");
        bnc.Name.ShouldBe("BANCO NACIONAL DE CUBA");
        bnc.Type.ShouldBe(PartyType.Entity);
        bnc.Programs.ShouldBe(["CUBA"]);
        bnc.Remarks.ShouldBe("a.k.a. 'BNC'.");
        Sdn2024.Value.Entries.Single(e => e.Id == "36").Remarks.ShouldBeNull();
        Sdn2024.Value.Entries.ShouldContain(e => e.Programs.Length > 1 && e.Programs.Contains("SDGT") && e.Programs.Contains("SYRIA"));
        Sdn2024.Value.Entries.SelectMany(e => e.Programs).ShouldAllBe(p => !p.Contains('[') && !p.Contains(']'));
    }

    [Fact]
    public void Ofac_csv_keeps_individual_names_as_printed()
    {
        var cifuentes = Sdn2021.Value.Entries.Single(e => e.Id == "12300");
        cifuentes.Name.ShouldBe("CIFUENTES VILLA, Jorge Milton");
        cifuentes.Type.ShouldBe(PartyType.Individual);
    }

    [Fact]
    public void Ofac_csv_reads_aliases_from_the_alt_file()
    {
        var snapshot = Sdn2021.Value;
        snapshot.Entries.Length.ShouldBe(8_976);
        snapshot.Entries.Single(e => e.Id == "306").AltNames.ShouldBe(["NATIONAL BANK OF CUBA"]);
        snapshot.Entries.Single(e => e.Id == "12300").AltNames.ShouldContain("OSUNA VILLARREAL, Sergio");
        // alt.csv holds 11,910 aliases; two repeat another alias of the same entry.
        snapshot.Entries.Sum(e => e.AltNames.Length).ShouldBe(11_908);
    }

    [Fact]
    public void Ofac_csv_maps_address_countries_from_the_add_file_to_iso_codes()
    {
        Sdn2021.Value.Entries.Single(e => e.Id == "306").Countries.ShouldBe(["CH", "ES", "JP", "PA"]);
        Sdn2021.Value.Entries.Single(e => e.Id == "12300").Countries.ShouldBe(["CO", "MX"]);
    }

    [Fact]
    public void Ofac_csv_takes_a_vessels_flag_as_one_of_its_countries()
    {
        var vessel = Sdn2024.Value.Entries.Single(e => e.Id == "4238");
        vessel.Name.ShouldBe("MAR AZUL");
        vessel.Type.ShouldBe(PartyType.Vessel);
        vessel.Countries.ShouldBe(["CU"]);
    }

    [Fact]
    public void Ofac_csv_continues_cut_remarks_from_the_comments_file()
    {
        var remarks = Sdn2021.Value.Entries.Single(e => e.Id == "12300").Remarks.ShouldNotBeNull();
        remarks.ShouldStartWith("DOB 13 May 1965");
        remarks.ShouldContain("Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA");
    }

    [Fact]
    public void Ofac_csv_reads_the_consolidated_non_sdn_set_as_its_own_dataset()
    {
        const string cons = "ofac/ofac_consolidated_nonsdn/";
        var snapshot = Read("ofac-csv", cons + "cons_prim.csv", cons + "cons_alt.csv", cons + "cons_add.csv", cons + "cons_comments.csv");
        snapshot.Dataset.ShouldBe("ofac-cons");
        snapshot.Entries.Length.ShouldBe(442);
        snapshot.Entries.ShouldAllBe(e => e.List == "CONS");
        snapshot.Entries.Count(e => e.Type == PartyType.Individual).ShouldBe(79);
        var haniya = snapshot.Entries.Single(e => e.Id == "9639");
        haniya.Name.ShouldBe("HANIYA, Ismail Abdul Salah");
        haniya.AltNames.ShouldContain("HANIYYA, Ismaeel");
        haniya.Programs.ShouldBe(["NS-PLC"]);
    }

    [Fact]
    public void Ofac_csv_reads_files_in_any_order_and_only_needs_the_primary()
    {
        var snapshot = Read("ofac-csv", FullSet + "add.csv", FullSet + "sdn.csv");
        snapshot.Entries.Length.ShouldBe(8_976);
        snapshot.Entries.ShouldAllBe(e => e.AltNames.IsEmpty);
        snapshot.Entries.Single(e => e.Id == "306").Countries.ShouldBe(["CH", "ES", "JP", "PA"]);
    }

    [Fact]
    public void Ofac_csv_reads_a_file_ending_with_the_dos_end_of_file_mark_and_one_without_it()
    {
        var bytes = File("ofac/ofac_sdn/sdn_2024-05-03.csv").Content;
        bytes[^1].ShouldBe((byte)0x1A);
        var errors = new List<Reticle.Input.InputError>();
        ListImporter.Read("ofac-csv", [new ListFile("sdn.csv", bytes[..^1])], errors)!.Entries.Length.ShouldBe(14_965);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Ofac_csv_refuses_an_end_of_file_mark_in_the_middle_of_the_file()
    {
        var text = TextOf("ofac/ofac_sdn/sdn_2024-05-03.csv");
        var joined = text + text[..200];
        var errors = Refuse("ofac-csv", Text("sdn.csv", joined));
        errors.ShouldHaveSingleItem().Where.ShouldBe("sdn.csv:14966:1");
        errors[0].Message.ShouldContain("0x1A");
    }

    [Fact]
    public void Ofac_csv_refuses_a_truncated_file_naming_the_line_of_the_open_quote()
    {
        var text = TextOf("ofac/ofac_sdn/sdn_2024-05-03.csv");
        var cut = text[..text.IndexOf("\"a.k.a. 'BNC'", StringComparison.Ordinal)] + "\"a.k.a. 'B";
        var line = cut.Count(c => c == '\n') + 1;
        var error = Refuse("ofac-csv", Text("sdn.csv", cut)).ShouldHaveSingleItem();
        error.Where.ShouldBe($"sdn.csv:{line}");
        error.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Ofac_csv_refuses_a_stray_quote_naming_line_and_column()
    {
        var text = TextOf(FullSet + "sdn.csv").Replace("306,\"BANCO NACIONAL DE CUBA\"", "306,\"BANCO \"NACIONAL\" DE CUBA\"", StringComparison.Ordinal);
        var error = Refuse("ofac-csv", Text("sdn.csv", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.csv:3:13");
        error.Message.ShouldContain("after a closing quote");
    }

    [Fact]
    public void Ofac_csv_refuses_a_row_with_a_missing_column()
    {
        var lines = TextOf(FullSet + "sdn.csv").Split("\r\n");
        lines[4] = lines[4][..lines[4].LastIndexOf(',')];
        var error = Refuse("ofac-csv", Text("sdn.csv", string.Join("\r\n", lines))).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.csv:5");
        error.Message.ShouldContain("11 fields where this file has 12");
    }

    [Fact]
    public void Ofac_csv_refuses_two_entries_with_one_ent_num_naming_both_lines()
    {
        var lines = TextOf(FullSet + "sdn.csv").Split("\r\n").ToList();
        lines.Insert(10, lines[2]);
        var error = Refuse("ofac-csv", Text("sdn.csv", string.Join("\r\n", lines))).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.csv:11");
        error.Message.ShouldBe("entry id '306' again (first at sdn.csv:3); ids must be unique in a list");
    }

    [Fact]
    public void Ofac_csv_refuses_an_alias_of_an_entry_the_primary_file_does_not_hold()
    {
        var sdn = File(FullSet + "sdn.csv");
        var alt = File("ofac/ofac_alt_add_2025/alt.csv");
        var errors = Refuse("ofac-csv", sdn, alt);
        errors[0].Where.ShouldStartWith("alt.csv:");
        errors[0].Message.ShouldContain("which the primary file does not hold");
    }

    [Fact]
    public void Ofac_csv_refuses_an_unknown_party_type()
    {
        var text = TextOf(FullSet + "sdn.csv").Replace("12300,\"CIFUENTES VILLA, Jorge Milton\",\"individual\"", "12300,\"CIFUENTES VILLA, Jorge Milton\",\"person\"", StringComparison.Ordinal);
        var error = Refuse("ofac-csv", Text("sdn.csv", text)).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.csv:2575");
        error.Message.ShouldContain("unknown SDN_Type 'person'");
    }

    [Fact]
    public void Ofac_csv_refuses_xml_given_as_csv()
    {
        var error = Refuse("ofac-csv", File("csl-samples/treasury_consolidated_sample_2021.xml") with { Name = "sdn.csv" }).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.csv:1");
        error.Message.ShouldContain("this is XML, not ofac-csv");
        error.Message.ShouldContain("--format ofac-xml or un-xml or eu-fsf-xml");
    }

    [Fact]
    public void Ofac_csv_refuses_a_set_without_its_primary_file_or_with_files_it_does_not_know()
    {
        Refuse("ofac-csv", File(FullSet + "alt.csv")).ShouldHaveSingleItem().Message.ShouldContain("needs its primary file");
        Refuse("ofac-csv", File(FullSet + "sdn.csv"), Text("names.csv", "1,\"x\"")).ShouldHaveSingleItem().Where.ShouldBe("names.csv");
        Refuse("ofac-csv", File(FullSet + "sdn.csv"), File("ofac/ofac_consolidated_nonsdn/cons_alt.csv")).ShouldHaveSingleItem().Message.ShouldContain("cannot be imported together");
    }

    [Fact]
    public void Ofac_csv_refuses_text_that_is_not_utf8()
    {
        var bytes = Encoding.Latin1.GetBytes("36,\"CAF\u00C9 AEROCARIBBEAN\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        var error = Refuse("ofac-csv", new ListFile("sdn.csv", bytes)).ShouldHaveSingleItem();
        error.Where.ShouldBe("sdn.csv:1:8");
        error.Message.ShouldContain("not UTF-8");
    }
}
