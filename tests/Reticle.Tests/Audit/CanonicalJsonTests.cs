using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reticle.Audit;

namespace Reticle.Tests.Audit;

public sealed class CanonicalJsonTests
{
    // Encoded from text (a pooled document) and from a tree of nodes: stored chains were hashed by the latter.
    private static string Text(string json) => CanonicalJson.EncodeText(json);

    public static TheoryData<string> Awkward() =>
    [
        """{"b":1,"a":2,"B":3,"_":4,"aa":5,"a0":6}""",
        """{"z":{"y":[3,{"d":null,"c":true}],"x":false},"w":[]}""",
        """{"n":[1.50,1e3,-0.0,12345678901234567890,1E-7,0]}""",
        """{"s":"quote \" backslash \\ slash \/ tab \t newline \n nul \u0000 del \u007f"}""",
        """{"u":"été ü 中文 \u00e9\u4e2d 😀 \ud83d\ude00","\u00e9t\u00e9":1,"ét":2}""",
        """{"html":"<b>&amp;</b> 'single' +plus"}""",
        """{"surrogate key \ud83d\ude00":1,"\uffff":2,"\ue000":3}""",
        """  [ {"b" : 1 , "a" : [ ] } , { } , "x" , 2 ]  """,
        "\"just a string\"",
        "42.000",
        "null",
    ];

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Text_encodes_as_the_same_text_parsed_into_nodes(string json) =>
        Text(json).ShouldBe(CanonicalJson.Encode(JsonNode.Parse(json)));

    [Fact]
    public void Every_bundled_sample_and_golden_result_encodes_as_its_parsed_nodes()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Content, "samples"), "*.json", SearchOption.AllDirectories).ToList();
        files.Count.ShouldBeGreaterThan(10);
        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            Text(json).ShouldBe(CanonicalJson.Encode(JsonNode.Parse(json)), file);
        }
    }

    [Fact]
    public void Keys_are_sorted_by_ordinal_at_every_depth() =>
        Text("""{"b":{"d":1,"c":2},"a":[{"f":1,"e":2}],"B":0}""").ShouldBe("""{"B":0,"a":[{"e":2,"f":1}],"b":{"c":2,"d":1}}""");

    [Fact]
    public void A_key_given_twice_has_no_canonical_form() =>
        Should.Throw<JsonException>(() => Text("""{"a":1,"b":2,"a":3}"""));

    [Theory]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("")]
    public void Text_that_is_not_one_json_value_is_refused(string json) =>
        Should.Throw<JsonException>(() => Text(json));
}
