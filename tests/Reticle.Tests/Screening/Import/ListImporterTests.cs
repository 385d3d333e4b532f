using FsCheck;
using FsCheck.Xunit;
using Reticle.Input;
using Reticle.Screening.Import;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening.Import;

/// <summary>The import entry point: formats, limits, and the all-or-nothing rule for any input.</summary>
public sealed class ListImporterTests
{
    [Fact]
    public void An_unknown_format_is_refused_with_the_known_ones_listed()
    {
        var error = Refuse("sdn-csv", Text("sdn.csv", "1")).ShouldHaveSingleItem();
        error.Where.ShouldBe("--format");
        error.Message.ShouldBe("unknown list format 'sdn-csv'; known formats: csl-json, csl-csv, ofac-csv, ofac-xml, un-xml, bis-dpl, eu-fsf-xml");
    }

    [Fact]
    public void Format_ids_are_the_contracts()
    {
        ListFormat.All.Select(f => f.Id).ShouldBe(["csl-json", "csl-csv", "ofac-csv", "ofac-xml", "un-xml", "bis-dpl", "eu-fsf-xml"]);
        ListFormat.Find(" OFAC-CSV ").ShouldBe(ListFormat.OfacCsv);
    }

    [Theory]
    [InlineData("csl-json")]
    [InlineData("csl-csv")]
    [InlineData("ofac-csv")]
    [InlineData("ofac-xml")]
    [InlineData("un-xml")]
    [InlineData("bis-dpl")]
    [InlineData("eu-fsf-xml")]
    public void An_empty_file_is_refused_in_every_format(string format)
    {
        foreach (var content in new[] { "", "\r\n  \n", "\u001A" })
        {
            var error = Refuse(format, Text("sdn.csv", content)).ShouldHaveSingleItem();
            error.Where.ShouldBe("sdn.csv:1");
            error.Message.ShouldBe("the file is empty");
        }
    }

    [Fact]
    public void A_file_above_the_size_limit_is_refused_before_it_is_read()
    {
        ListImporter.MaxFileBytes.ShouldBe(256L * 1024 * 1024);
        var errors = new List<InputError>();
        ListImporter.Read("bis-dpl", [File("bis/dpl_2022.txt")], errors, maxFileBytes: 100_000).ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.Where.ShouldBe("dpl_2022.txt");
        error.Message.ShouldBe("the file is 145,613 bytes; list files above 100,000 bytes are refused");
    }

    [Fact]
    public void Single_file_formats_take_one_file_per_import()
    {
        var error = Refuse("bis-dpl", File("bis/dpl_2022.txt"), File("bis/dpl_2019.txt")).ShouldHaveSingleItem();
        error.Where.ShouldBe("dpl_2019.txt");
        Refuse("bis-dpl").ShouldHaveSingleItem().Message.ShouldContain("no file given");
    }

    [Fact]
    public void A_file_of_the_wrong_kind_gives_a_bounded_number_of_errors()
    {
        // The UN XML's text read as OFAC's: caught as XML before any line is parsed.
        Refuse("ofac-csv", File("un/UN_consolidated_2026-02-27.xml") with { Name = "sdn.csv" }).Count.ShouldBe(1);
        // Aliases of 2025 joined to the SDN list of 2021: thousands of unknown entries, reported up to the limit.
        var errors = Refuse("ofac-csv", File("ofac/ofac_sdn_2021_full_set/sdn.csv"), File("ofac/ofac_alt_add_2025/alt.csv"));
        errors.Count.ShouldBe(ListImporter.MaxErrors + 1);
        errors[^1].Message.ShouldEndWith("more errors not shown");
    }

    [Fact]
    public void Errors_already_in_the_list_are_kept_and_do_not_count_against_the_import()
    {
        var errors = new List<InputError> { new("earlier.json", "an earlier problem") };
        ListImporter.Read("bis-dpl", [File("bis/dpl_2022.txt")], errors).ShouldNotBeNull();
        errors.ShouldHaveSingleItem().Where.ShouldBe("earlier.json");
    }

    private static readonly (string Format, string File)[] Samples =
    [
        ("csl-json", "us-csl-2026-07-31.json"),
        ("csl-csv", "csl-samples/consolidated_2025_sample_12rows.csv"),
        ("ofac-csv", "ofac/ofac_consolidated_nonsdn/cons_prim.csv"),
        ("ofac-xml", "csl-samples/treasury_consolidated_sample_2021.xml"),
        ("un-xml", "un/UN_consolidated_2026-02-27.xml"),
        ("bis-dpl", "bis/dpl_2019.txt"),
    ];

    private static readonly Dictionary<string, byte[]> SampleBytes = new(Samples
        .Select(sample => KeyValuePair.Create(sample.Format, System.IO.File.ReadAllBytes(PathOf(sample.File))))
        .Append(KeyValuePair.Create("eu-fsf-xml", System.Text.Encoding.UTF8.GetBytes(EuFsfXmlImportTests.Export))));

    private static readonly string[] Formats = [.. SampleBytes.Keys];

    /// <summary>
    /// Fuzzing every reader with damaged real files (cut short, bytes changed, a slice dropped): none
    /// throws, and a snapshot comes back exactly when no error was reported.
    /// </summary>
    [Property(MaxTest = 300)]
    public void A_damaged_real_file_never_throws_and_gives_a_snapshot_only_without_errors(PositiveInt formatSeed, PositiveInt damageSeed)
    {
        var format = Formats[formatSeed.Get % Formats.Length];
        var original = SampleBytes[format];
        // The CSL JSON is 10 MB: fuzz its first 200 KB, closed so that it stays a document more often.
        var bytes = format == "csl-json" ? [.. original[..200_000], .. "\"}]}"u8] : original.ToArray();
        var random = new Random(damageSeed.Get);
        bytes = (random.Next(3)) switch
        {
            0 => bytes[..random.Next(bytes.Length)],
            1 => Flip(bytes, random),
            _ => Drop(bytes, random),
        };
        var name = format == "ofac-csv" ? "cons_prim.csv" : "list";
        var errors = new List<InputError>();
        var snapshot = ListImporter.Read(format, [new ListFile(name, bytes)], errors);
        (snapshot is null).ShouldBe(errors.Count > 0, string.Join("; ", errors));
        errors.ShouldAllBe(e => e.Where.Length > 0 && e.Message.Length > 0);
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            bytes[random.Next(bytes.Length)] = (byte)"\",\t\n\r<>{}[]:-0\u001Aa\u00FF"[random.Next(17)];
        }
        return bytes;
    }

    private static byte[] Drop(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length);
        var length = random.Next(Math.Min(500, bytes.Length - start) + 1);
        return [.. bytes[..start], .. bytes[(start + length)..]];
    }
}
