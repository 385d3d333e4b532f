using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>Both sides of the Japanese thresholds of the 2023 METI amendment, on the day it took effect and after.</summary>
public sealed class JapanThresholdTests
{
    private static O Jp(Transaction t) =>
        DeterminationEngine.Determine(BundledRules.Rules, t, null, []).Jurisdictions.Single(j => j.Jurisdiction == "JP").Outcome;

    private static Transaction Tool(string date, params (string Name, ParameterValue Value)[] parameters) => new()
    {
        Id = "JP-" + date,
        Date = Date(date),
        Activity = Activity.Export,
        From = CountryCode.Parse("JP"),
        To = CountryCode.Parse("CN"),
        Item = new Item { Parameters = parameters.ToImmutableDictionary(p => p.Name, p => p.Value), UsControlledContentPercent = 0m },
    };

    [Theory]
    [InlineData(99.9, O.Permitted)]
    [InlineData(100, O.LicenseRequired)]
    public void Isotropic_dry_etch_is_listed_from_a_SiGe_to_Si_selectivity_of_100(decimal selectivity, O expected) =>
        Jp(Tool("2023-07-24", ("kind", ParameterValue.Of("etch")), ("etchMode", ParameterValue.Of("isotropic-dry")),
            ("etchSelectivitySiGeToSi", ParameterValue.Of(selectivity)))).ShouldBe(expected);

    [Theory]
    [InlineData(1.35, O.LicenseRequired)]   // MRF 35.7 nm with K 0.25, 50.0 nm with K 0.35: item (wo)
    [InlineData(1.0722, O.Permitted)]       // MRF 45.0012 nm with K 0.25: just outside
    [InlineData(1.0723, O.LicenseRequired)] // MRF 44.997 nm with K 0.25: just inside
    public void ArF_exposure_tools_are_listed_at_an_MRF_of_45_nm_or_less_with_K_0_25(decimal na, O expected) =>
        Jp(Tool("2023-07-24", ("kind", ParameterValue.Of("lithography")), ("wavelengthNm", ParameterValue.Of(193m)),
            ("numericalAperture", ParameterValue.Of(na)))).ShouldBe(expected);

    [Theory]
    [InlineData("2023-07-22", O.NotApplicable)]
    [InlineData("2023-07-23", O.LicenseRequired)]
    [InlineData("2023-07-24", O.LicenseRequired)]
    public void The_ArF_immersion_item_applies_from_2023_07_23(string date, O expected) =>
        Jp(Tool(date, ("kind", ParameterValue.Of("lithography")), ("wavelengthNm", ParameterValue.Of(193m)),
            ("numericalAperture", ParameterValue.Of(1.35m)))).ShouldBe(expected);
}
