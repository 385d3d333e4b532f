using Reticle.Input;
using Reticle.Screening.Import;

namespace Reticle.Tests.Screening.Import;

/// <summary>The strict RFC 4180 reader under the CSV and TSV importers.</summary>
public sealed class DelimitedTextTests
{
    private static List<DelimitedRecord> Parse(string text, char separator = ',')
    {
        var errors = new List<InputError>();
        var records = DelimitedText.Parse("f.csv", text, separator, errors);
        errors.ShouldBeEmpty();
        return records.ShouldNotBeNull();
    }

    private static InputError Refuse(string text)
    {
        var errors = new List<InputError>();
        DelimitedText.Parse("f.csv", text, ',', errors).ShouldBeNull();
        return errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_a_record_keeps_its_first_line()
    {
        var records = Parse("1,\"a, b\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",x\r\n3,,\r\n");
        records.Select(r => r.Line).ShouldBe([1, 2, 4]);
        records[0].Fields.ShouldBe(["1", "a, b", "say \"hi\""]);
        records[1].Fields.ShouldBe(["2", "two\nlines", "x"]);
        records[2].Fields.ShouldBe(["3", "", ""]);
    }

    [Fact]
    public void A_last_record_ending_with_a_separator_and_no_line_break_is_read()
    {
        // The 2019 CSL sample ends so; its last row was once lost.
        Parse("a,b\n1,").Select(r => r.Fields).ShouldBe([["a", "b"], ["1", ""]]);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_tabs_separate_tsv()
    {
        Parse("\"a\"\t\"b\"\n\n\"1\"\t\"\"\n", '\t').Select(r => r.Fields).ShouldBe([["a", "b"], ["1", ""]]);
    }

    [Fact]
    public void Malformed_quoting_is_refused_with_line_and_column()
    {
        Refuse("1,ok\n2,ab\"c\n").Where.ShouldBe("f.csv:2:5");
        Refuse("1,ok\n2,\"ab\"c\n").Where.ShouldBe("f.csv:2:7");
        Refuse("1,ok\n2,\"abc\n3,x\n").Where.ShouldBe("f.csv:2");
    }
}
