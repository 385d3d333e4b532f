using Reticle.Screening;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>The trade.gov Consolidated Screening List CSV (csl-csv), current (29 columns, with _id) and 2019 (28 columns).</summary>
public sealed class CslCsvImportTests
{
    private const string Current = "csl-samples/consolidated_2025_sample_12rows.csv";
    private const string Old = "csl-samples/csl_2019_sample_115rows.csv";

    [Fact]
    public void Csl_csv_reads_the_current_columns_by_name()
    {
        var snapshot = Read("csl-csv", Current);
        snapshot.Dataset.ShouldBe("us-csl");
        // The README's "12 rows" counts line breaks: the last row has none.
        snapshot.Entries.Length.ShouldBe(13);
        snapshot.Entries.Select(e => e.List).Distinct().Order().ShouldBe(["DPL", "DTC", "EL", "FSE", "ISN", "MEU", "PLC", "SDN", "SSI", "UVL"]);
        var cetc = snapshot.Entries.Single(e => e.List == "EL");
        cetc.Id.ShouldBe("99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be");
        cetc.Name.ShouldBe("China Electronics Technology Group Corporation 13th Research Institute (CETC 13)");
        cetc.AltNames.ShouldContain("Hebei Semiconductor Research Institute");
        cetc.AltNames.ShouldContain("HSRI");
        cetc.Countries.ShouldBe(["CN"]);
        cetc.FederalRegister.ShouldBe("83 FR 37423; 87 FR 77505");
        cetc.LicensePolicy.ShouldNotBeNull().ShouldStartWith("Policy of denial");
        cetc.Terms.CoversAllItems.ShouldBeTrue();
    }

    [Fact]
    public void Csl_csv_splits_alt_names_on_semicolons_and_reads_the_country_that_ends_each_address()
    {
        var snapshot = Read("csl-csv", Current);
        var plc = snapshot.Entries.Single(e => e.Id == "9673");
        plc.AltNames.ShouldBe(["Mohammad Mutlaq ABU JHESHEH", "Mohammed ABU JEHEISHA"]);
        plc.Type.ShouldBe(PartyType.Individual);
        snapshot.Entries.Single(e => e.List == "UVL").Countries.ShouldBe(["AM"]);
    }

    [Fact]
    public void Csl_csv_reads_the_old_columns_without_ids_and_derives_stable_ones()
    {
        var snapshot = Read("csl-csv", Old);
        snapshot.Entries.Length.ShouldBe(115);
        var byList = snapshot.Entries.GroupBy(e => e.List).ToDictionary(g => g.Key, g => g.Count());
        byList.ShouldBe(new Dictionary<string, int>
        {
            ["SDN"] = 28, ["SSI"] = 26, ["EL"] = 22, ["PLC"] = 13, ["DTC"] = 10, ["DPL"] = 8, ["UVL"] = 4, ["ISN"] = 3, ["CAP"] = 1,
        }, ignoreOrder: true);
        snapshot.Entries.Single(e => e.Name == "2904977 CANADA, INC.").Id.ShouldBe("SDN-8124");
        var dpl = snapshot.Entries.Single(e => e.Name == "ADRIAN MANUEL HERNANDEZ");
        dpl.Id.ShouldStartWith("DPL-");
        Read("csl-csv", Old).Entries.Single(e => e.Name == "ADRIAN MANUEL HERNANDEZ").Id.ShouldBe(dpl.Id);
    }

    [Fact]
    public void Csl_csv_refuses_a_file_without_a_name_column_naming_the_header_line()
    {
        var text = TextOf(Current);
        var header = text[..text.IndexOf('\n')];
        var error = Refuse("csl-csv", Text("consolidated.csv", header.Replace(",name,", ",entity_name,", StringComparison.Ordinal) + text[text.IndexOf('\n')..])).ShouldHaveSingleItem();
        error.Where.ShouldBe("consolidated.csv:1");
        error.Message.ShouldStartWith("missing required column 'name'");
    }

    [Fact]
    public void Csl_csv_refuses_a_row_with_fewer_fields_than_the_header()
    {
        var lines = TextOf(Old).Split('\n');
        lines[3] = lines[3][..lines[3].LastIndexOf(',')];
        var error = Refuse("csl-csv", Text("csl.csv", string.Join('\n', lines))).ShouldHaveSingleItem();
        error.Where.ShouldBe("csl.csv:4");
        error.Message.ShouldBe("27 fields where the header has 28 columns");
    }
}
