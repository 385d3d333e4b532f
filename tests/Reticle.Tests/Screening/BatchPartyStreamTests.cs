using Reticle.Input;
using Reticle.Screening.Batch;

namespace Reticle.Tests.Screening;

/// <summary>The streamed batch CSV reader reads what the whole-file reader reads, and names the line of the first problem.</summary>
public sealed class BatchPartyStreamTests
{
    private static async Task<List<BatchParty>> StreamAsync(string text)
    {
        var parties = new List<BatchParty>();
        await foreach (var party in BatchPartyStream.ReadAsync("f.csv", new StringReader(text)))
        {
            parties.Add(party);
        }
        return parties;
    }

    [Fact]
    public async Task A_streamed_file_gives_the_parties_the_whole_file_reader_gives_quoted_line_breaks_included()
    {
        const string text = "\uFEFFname,id,country,type\r\n\"Acme, Inc.\",A1,NL,entity\r\n\r\n\"Two\nLines \"\"Ltd\"\"\",A2,,\nZeta,A3,CN,individual\n";
        var errors = new List<InputError>();
        var whole = BatchPartyReader.Read("f.csv", text.TrimStart('\uFEFF'), errors);
        errors.ShouldBeEmpty();
        (await StreamAsync(text)).ShouldBe(whole);
        whole.Select(p => (p.Line, p.Id)).ShouldBe([(2, "A1"), (4, "A2"), (6, "A3")]);
    }

    [Theory]
    [InlineData("id,name\nA1,Acme\nA2,\"Beta\" Corp\n", "f.csv:3")]
    [InlineData("id,name\nA1,Acme\nA2,Beta,extra\n", "f.csv:3")]
    [InlineData("id,name,country\nA1,Acme,NL\n\"A2\",Beta,X1\n", "f.csv:3")]
    [InlineData("id,name\nA1,Acme\nA2,\"never closed\n", "f.csv:3")]
    [InlineData("ident,name\nA1,Acme\n", "f.csv:1")]
    [InlineData("", "f.csv:1")]
    public async Task The_first_bad_row_ends_the_read_naming_its_line(string text, string where)
    {
        var rejected = await Should.ThrowAsync<BatchRejectedException>(() => StreamAsync(text));
        rejected.Error.Where.ShouldStartWith(where);
    }
}
