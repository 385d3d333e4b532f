using NodaTime;
using Reticle.Screening;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>The trade.gov Consolidated Screening List JSON (csl-json): the full 2026-07-31 snapshot and the live file's shape.</summary>
public sealed class CslJsonImportTests
{
    private const string Snapshot = "us-csl-2026-07-31.json";

    private static readonly Lazy<ListSnapshot> Csl = new(() => Read("csl-json", Snapshot));

    [Fact]
    public void Csl_json_reads_every_entry_of_every_list_in_the_snapshot()
    {
        var csl = Csl.Value;
        csl.Dataset.ShouldBe("us-csl");
        csl.Published.ShouldBe(new LocalDate(2026, 7, 31));
        csl.Entries.Length.ShouldBe(25_921);
        var byList = csl.Entries.GroupBy(e => e.List).ToDictionary(g => g.Key, g => g.Count());
        byList.ShouldBe(new Dictionary<string, int>
        {
            ["EL"] = 3_420, ["SDN"] = 19_181, ["DPL"] = 1_596, ["DTC"] = 787, ["SSI"] = 286, ["UVL"] = 222,
            ["ISN"] = 161, ["PLC"] = 78, ["MEU"] = 70, ["CMIC"] = 68, ["NS-MBS"] = 51, ["CAP"] = 1,
        }, ignoreOrder: true);
    }

    [Fact]
    public void Csl_json_keeps_the_Entity_List_terms_and_the_full_source_name()
    {
        var smic = Csl.Value.Entries.Single(e => e.List == "EL" && e.Name == "Semiconductor Manufacturing International (Beijing) Corporation");
        smic.ListName.ShouldBe("Entity List (EL) - Bureau of Industry and Security");
        smic.Id.ShouldBe("36f5a8b8bdb061300ae187cc");
        smic.AltNames.ShouldBe(["SMIC Beijing"]);
        smic.Countries.ShouldBe(["CN"]);
        smic.LicenseRequirement.ShouldBe("For all items subject to the EAR (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5");
        smic.LicensePolicy.ShouldBe("Presumption of denial");
        smic.FederalRegister.ShouldBe("85 FR 83420; 89 FR 96837");
        smic.Footnotes.ShouldBe([5]);
    }

    [Fact]
    public void Csl_json_reads_types_and_programs_of_the_treasury_lists()
    {
        var entries = Csl.Value.Entries;
        entries.Count(e => e.Type == PartyType.Individual).ShouldBe(7_591);
        entries.Count(e => e.Type == PartyType.Vessel).ShouldBe(1_524);
        entries.Count(e => e.Type == PartyType.Aircraft).ShouldBe(344);
        var kunlun = entries.Single(e => e.Name == "BANK OF KUNLUN CO LTD");
        kunlun.List.ShouldBe("CAP");
        kunlun.Type.ShouldBe(PartyType.Entity);
        kunlun.Programs.ShouldBe(["561-Related"]);
    }

    [Fact]
    public void Csl_json_maps_country_names_the_csl_prints_to_iso_codes()
    {
        Csl.Value.Entries.SelectMany(e => e.Countries).ShouldAllBe(c => c.Length == 2);
        Csl.Value.Entries.ShouldContain(e => e.Countries.Contains("MO"));
    }

    [Fact]
    public void Csl_json_accepts_the_live_files_full_shape()
    {
        const string live = """
            {"total": 1, "sources_used": [{"source": "Specially Designated Nationals (SDN) - Treasury Department", "source_last_updated": "2025-06-24T14:02:11.000+00:00"}],
             "results": [{
               "_id": "9673", "id": "9673", "entity_number": 9673, "type": "Individual", "programs": ["NS-PLC"],
               "name": "ABU JEHEISHA, Mohammed", "title": null,
               "addresses": [{"address": "Hebron", "city": "Hebron", "state": null, "postal_code": null, "country": "West Bank"}],
               "federal_register_notice": null, "start_date": null, "end_date": null,
               "remarks": "DOB 1956; POB Al-Khalil.", "source": "Palestinian Legislative Council List (PLC) - Treasury Department",
               "source_list_url": "https://sanctionslist.ofac.treas.gov/", "alt_names": ["Mohammad Mutlaq ABU JHESHEH", "Mohammed ABU JEHEISHA"],
               "citizenships": [], "dates_of_birth": ["1956"], "nationalities": ["PS"], "places_of_birth": ["Al-Khalil"],
               "ids": [{"type": "Gender", "number": "Male", "country": null, "issue_date": null, "expiration_date": null}]
             }]}
            """;
        var errors = new List<Reticle.Input.InputError>();
        var snapshot = Reticle.Screening.Import.ListImporter.Read("csl-json", [Text("consolidated.json", live)], errors);
        errors.ShouldBeEmpty();
        var entry = snapshot.ShouldNotBeNull().Entries.ShouldHaveSingleItem();
        snapshot.Published.ShouldBe(new LocalDate(2025, 6, 24));
        entry.Id.ShouldBe("9673");
        entry.List.ShouldBe("PLC");
        entry.Type.ShouldBe(PartyType.Individual);
        entry.Countries.ShouldBe(["PS"]);
        entry.AltNames.ShouldBe(["Mohammad Mutlaq ABU JHESHEH", "Mohammed ABU JEHEISHA"]);
        entry.Remarks.ShouldBe("DOB 1956; POB Al-Khalil.");
    }

    [Fact]
    public void Csl_json_refuses_a_truncated_file_naming_line_and_byte()
    {
        var bytes = File(Snapshot).Content;
        var error = Refuse("csl-json", new Reticle.Screening.Import.ListFile(Snapshot, bytes[..(bytes.Length / 2)])).ShouldHaveSingleItem();
        error.Where.ShouldMatch(@"^us-csl-2026-07-31\.json:\d+:\d+$");
        error.Message.ShouldStartWith("malformed JSON");
    }

    [Fact]
    public void Csl_json_refuses_an_entry_without_a_name_naming_its_line_and_index()
    {
        const string json = "{\"results\": [\n  {\"id\": \"a\", \"name\": \"X\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\"},\n  {\"id\": \"b\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\"}\n]}";
        var error = Refuse("csl-json", Text("csl.json", json)).ShouldHaveSingleItem();
        error.Where.ShouldBe("csl.json:3:3 (results[1])");
        error.Message.ShouldContain("needs 'name' and 'source'");
    }

    [Fact]
    public void Csl_json_refuses_two_entries_with_one_id_naming_both()
    {
        const string json = "{\"results\": [\n  {\"id\": \"a\", \"name\": \"X\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\"},\n  {\"id\": \"a\", \"name\": \"Y\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\"}\n]}";
        var error = Refuse("csl-json", Text("csl.json", json)).ShouldHaveSingleItem();
        error.Where.ShouldBe("csl.json:3:3 (results[1])");
        error.Message.ShouldBe("entry id 'a' again (first at csl.json:2:3 (results[0])); ids must be unique in a list");
    }

    [Fact]
    public void Csl_json_refuses_json_of_another_shape()
    {
        Refuse("csl-json", Text("list.json", "[{\"name\": \"X\"}]")).ShouldHaveSingleItem().Message.ShouldContain("'results' array");
        Refuse("csl-json", Text("list.json", "{\"entries\": []}")).ShouldHaveSingleItem().Message.ShouldContain("'results' array");
        Refuse("csl-json", Text("list.json", "{\"results\": []}")).ShouldHaveSingleItem().Message.ShouldContain("no list entries");
    }

    [Fact]
    public void Csl_json_refuses_a_csv_file_given_as_json()
    {
        var error = Refuse("csl-json", File("csl-samples/consolidated_2025_sample_12rows.csv")).ShouldHaveSingleItem();
        error.Message.ShouldContain("not csl-json");
        error.Message.ShouldContain("csl-csv");
    }
}
