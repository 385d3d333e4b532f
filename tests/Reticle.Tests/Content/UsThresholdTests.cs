using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>Both sides of every US threshold of the slice: DCO bands, de minimis levels, the ECCN split of 2024-12-02.</summary>
public sealed class UsThresholdTests
{
    private static JurisdictionDetermination Us(Transaction t) =>
        DeterminationEngine.Determine(BundledRules.Rules, t, null, []).Jurisdictions.Single(j => j.Jurisdiction == "US");

    // Facts the US rules ask about are given, so that only the threshold under test decides.
    private static Transaction Known(Transaction t, string origin) => t with
    {
        Item = t.Item with { Origin = CountryCode.Parse(origin) },
        EndUse = System.Collections.Immutable.ImmutableDictionary<string, Knowledge>.Empty
            .Add("advancedNodeFacility", Knowledge.No).Add("smeDevelopmentOrProduction", Knowledge.No),
        Personnel = [new Person("clerk", false, null)],
    };

    private static Transaction UsOrigin(string date, decimal dco, string to = "CN") => Known(Litho(date, to: to, dco: dco), "US");

    [Theory]
    [InlineData(1.50, "US-CCL 3B001.f.1.b")]
    [InlineData(1.51, "US-CCL 3B993.f.1")]
    [InlineData(2.40, "US-CCL 3B993.f.1")]
    public void From_2024_12_02_the_DCO_bands_are_3B001_f_1_b_and_3B993_f_1(decimal dco, string eccn) =>
        Us(UsOrigin("2025-01-15", dco)).Classifications.ShouldBe([eccn]);

    [Fact]
    public void Above_2_40_nm_a_DUV_scanner_is_in_neither_band() =>
        Us(UsOrigin("2025-01-15", 2.41m)).Classifications.ShouldBeEmpty();

    [Theory]
    [InlineData(1.50, "US-CCL 3B001.f.1.b.2.a")]
    [InlineData(1.51, "US-CCL 3B001.f.1.b.2.b")]
    [InlineData(2.40, "US-CCL 3B001.f.1.b.2.b")]
    public void From_2023_11_17_both_bands_are_in_3B001(decimal dco, string eccn) =>
        Us(UsOrigin("2024-01-15", dco)).Classifications.ShouldBe([eccn]);

    [Theory]
    [InlineData("2023-11-16", O.Permitted)]
    [InlineData("2023-11-17", O.LicenseRequired)]
    [InlineData("2023-11-18", O.LicenseRequired)]
    public void A_US_origin_DUV_scanner_for_China_needs_a_licence_from_2023_11_17(string date, O expected) =>
        Us(UsOrigin(date, 1.1m)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2024-12-01", O.LicenseRequired)]
    [InlineData("2024-12-02", O.Permitted)]
    [InlineData("2024-12-03", O.Permitted)]
    public void From_2024_12_02_the_1_6_nm_band_needs_a_licence_only_for_footnote_5_parties_or_end_uses(string date, O expected) =>
        Us(UsOrigin(date, 1.6m)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData(25.00, O.NotApplicable)]
    [InlineData(25.01, O.LicenseRequired)]
    public void De_minimis_is_more_than_25_percent_for_China(decimal content, O expected)
    {
        var t = Known(Litho("2024-03-01", dco: 1.1m), "NL");
        t = t with { Item = t.Item with { UsControlledContentPercent = content } };
        Us(t).Outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData(10.00, false)]
    [InlineData(10.01, true)]
    public void De_minimis_is_more_than_10_percent_for_E1_and_E2(decimal content, bool reached)
    {
        var t = Known(Litho("2024-03-01", to: "IR", dco: 1.1m), "NL");
        t = t with { Item = t.Item with { UsControlledContentPercent = content } };
        (Us(t).Outcome != O.NotApplicable).ShouldBe(reached);
    }
}
