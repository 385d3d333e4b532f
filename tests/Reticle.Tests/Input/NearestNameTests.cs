using Reticle.Input;

namespace Reticle.Tests.Input;

public sealed class NearestNameTests
{
    private static readonly string[] Fields = ["origin", "sku", "description", "parameters", "classifications", "advancedNodeFacility"];

    [Theory]
    [InlineData("orgin", "origin")]
    [InlineData("Origin", "origin")]
    [InlineData("oirgin", "origin")]
    [InlineData("sku_", "sku")]
    [InlineData("advancedNodeFacilty", "advancedNodeFacility")]
    [InlineData("descripton", "description")]
    public void A_misspelling_finds_the_name_meant(string given, string meant) => NearestName.Find(given, Fields).ShouldBe(meant);

    [Theory]
    [InlineData("colour")]
    [InlineData("x")]
    [InlineData("")]
    public void A_name_far_from_every_known_one_finds_none(string given) => NearestName.Find(given, Fields).ShouldBeNull();

    [Fact]
    public void A_very_long_name_is_not_compared() => NearestName.Find(new string('o', 10_000) + "rigin", Fields).ShouldBeNull();

    [Fact]
    public void Without_a_near_name_the_message_lists_the_known_ones() =>
        NearestName.UnknownMessage("field", "colour", ["sku", "origin"]).ShouldBe("unknown field (known: origin, sku)");
}
