using static Reticle.Tests.Content.JapaneseTool;

namespace Reticle.Tests.Content;

/// <summary>
/// 貨物等省令 6(17) ウ, ソ and ツ: in the texts of 2023-07-23 and 2024-09-08 the 0.01 Pa vacuum has an inert
/// alternative (ウ: 水と酸素の分圧が〇・〇一パスカル未満の不活性な環境; ソ, ツ: 不活性ガスの環境); from 2025-05-28
/// ソ and ツ need a multi-chamber or multi-station tool (特定半導体製造装置) and ウ no vacuum at all.
/// </summary>
public sealed class JapanVacuumOrInertGasTests
{
    private static readonly (string, Reticle.Model.ParameterValue)[] SelectiveTungsten =
        [P("kind", "deposition"), P("depositionProcess", "selective-tungsten-growth"), P("chamberCount", 1)];

    private static readonly (string, Reticle.Model.ParameterValue)[] TungstenNitrideTungsten =
        [P("kind", "deposition"), P("depositionProcess", "tungsten-nitride-tungsten-cvd"), P("chamberCount", 1),
         P("depositionTemperatureDegC", 400), P("depositionPressurePa", 1000), P("interStepVacuumPa", 100), P("inertGasEnvironment", "yes")];

    private static readonly (string, Reticle.Model.ParameterValue)[] Epitaxy =
        [P("kind", "deposition"), P("depositionProcess", "si-sige-epitaxy"), P("chamberCount", 3), P("precleanChamber", "yes"),
         P("depositionTemperatureDegC", 650), P("interStepVacuumPa", 100), P("inertGasEnvironment", "yes"),
         P("inertWaterOxygenPartialPressurePa", 0.001)];

    [Theory]
    [InlineData("2023-08-01", 0.01, "no", true)]
    [InlineData("2023-08-01", 0.011, "no", false)]
    [InlineData("2023-08-01", 100, "yes", true)]
    [InlineData("2024-10-01", 0.01, "no", true)]
    [InlineData("2024-10-01", 0.011, "no", false)]
    [InlineData("2024-10-01", 100, "yes", true)]
    public void Selective_tungsten_growth_is_listed_in_a_vacuum_of_0_01_Pa_or_an_inert_gas_until_2025(string date, double vacuumPa, string inert, bool listed) =>
        Entries(date, [.. SelectiveTungsten, P("interStepVacuumPa", vacuumPa), P("inertGasEnvironment", inert)])
            .Contains("6.17.tsu").ShouldBe(listed);

    [Theory]
    [InlineData("2023-08-01", 133.3, false)]
    [InlineData("2023-08-01", 133.4, true)]
    [InlineData("2023-08-01", 53329, true)]
    [InlineData("2023-08-01", 53330, false)]
    [InlineData("2025-06-01", 133.3, false)]
    [InlineData("2025-06-01", 133.4, true)]
    public void Tungsten_nitride_and_tungsten_CVD_is_listed_in_an_inert_gas_within_its_pressure_window(string date, double pressurePa, bool listed)
    {
        var tool = date.StartsWith("2025", StringComparison.Ordinal) ? TungstenNitrideTungsten.With("chamberCount", 2) : TungstenNitrideTungsten;
        Entries(date, tool.With("depositionPressurePa", pressurePa)).Contains("6.17.so").ShouldBe(listed);
    }

    [Fact]
    public void Tungsten_nitride_and_tungsten_CVD_without_vacuum_or_inert_gas_was_not_listed_in_2023() =>
        Entries("2023-08-01", TungstenNitrideTungsten.With("inertGasEnvironment", "no")).ShouldNotContain("6.17.so");

    [Theory]
    [InlineData(0.0099, true)]
    [InlineData(0.01, false)]
    public void Epitaxy_in_an_inert_environment_is_listed_below_0_01_Pa_of_water_and_oxygen(double partialPressurePa, bool listed) =>
        Entries("2023-08-01", Epitaxy.With("inertWaterOxygenPartialPressurePa", partialPressurePa)).Contains("6.17.u").ShouldBe(listed);

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.0101, false)]
    public void Epitaxy_without_an_inert_environment_needs_a_vacuum_of_0_01_Pa_or_less_between_steps(double vacuumPa, bool listed) =>
        Entries("2024-10-01", Epitaxy.With("inertGasEnvironment", "no").With("interStepVacuumPa", vacuumPa)).Contains("6.17.u").ShouldBe(listed);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Epitaxy_needs_several_chambers_until_2025(int chambers, bool listed) =>
        Entries("2023-08-01", Epitaxy.With("chamberCount", chambers)).Contains("6.17.u").ShouldBe(listed);

    [Theory]
    [InlineData("2025-05-27", false)]
    [InlineData("2025-05-28", true)]
    [InlineData("2025-05-29", true)]
    public void From_2025_05_28_single_chamber_epitaxy_without_vacuum_is_listed(string date, bool listed) =>
        Entries(date, Epitaxy.With("chamberCount", 1).With("inertGasEnvironment", "no")).Contains("6.17.u").ShouldBe(listed);

    [Theory]
    [InlineData("2025-05-27", 2, false)]
    [InlineData("2025-05-28", 1, false)]
    [InlineData("2025-05-28", 2, true)]
    [InlineData("2025-05-29", 2, true)]
    public void From_2025_05_28_selective_tungsten_growth_needs_several_chambers_or_stations_and_no_vacuum(string date, int chambers, bool listed) =>
        Entries(date, [.. SelectiveTungsten.With("chamberCount", chambers), P("interStepVacuumPa", 100), P("inertGasEnvironment", "no")])
            .Contains("6.17.tsu").ShouldBe(listed);
}
