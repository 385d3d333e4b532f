using Reticle.Model;
using static Reticle.Tests.Content.UsItems;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// Country Group D:5 dated: Cambodia from 2021-12-09 (86 FR 70015) until the State Department lifted its
/// arms embargo on 2025-11-07 (the note to D:5 makes State's ITAR 126.1 list control); Nicaragua from
/// 2024-03-15. The SME rules reach "Macau or a destination specified in Country Group D:5".
/// </summary>
public sealed class UsCountryGroupD5Tests
{
    // A US-made 3B001.f.1.b scanner: the 742.4(a)(4) / 742.6(a)(6) row reaches only Macau and D:5.
    private static Transaction UsScanner(string date, string to) => UsMade(Scanner(date, dco: 1.1m, from: "US", to: to));

    [Theory]
    [InlineData("2021-12-08", false)]
    [InlineData("2021-12-09", true)]
    [InlineData("2021-12-10", true)]
    [InlineData("2025-11-06", true)]
    [InlineData("2025-11-07", false)]
    [InlineData("2025-11-08", false)]
    public void Cambodia_is_in_D5_from_2021_12_09_until_the_embargo_was_lifted_on_2025_11_07(string date, bool member) =>
        BundledRules.Rules.Groups["us.d5"].Contains("KH", Date(date)).ShouldBe(member);

    [Theory]
    [InlineData("2025-11-06", O.LicenseRequired)]
    [InlineData("2025-11-07", O.Permitted)]
    [InlineData("2025-11-08", O.Permitted)]
    public void A_US_SME_scanner_to_Cambodia_needs_a_licence_until_2025_11_06(string date, O expected) =>
        Us(UsScanner(date, "KH")).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2023-11-16", O.Permitted)]
    [InlineData("2023-11-17", O.LicenseRequired)]
    public void The_SME_rules_reached_Cambodia_from_their_own_start(string date, O expected) =>
        Us(UsScanner(date, "KH")).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("2024-03-14", O.Permitted)]
    [InlineData("2024-03-15", O.LicenseRequired)]
    [InlineData("2024-03-16", O.LicenseRequired)]
    public void Nicaragua_is_in_D5_from_2024_03_15(string date, O expected) =>
        Us(UsScanner(date, "NI")).Outcome.ShouldBe(expected);

    [Fact]
    public void China_stays_in_scope_throughout() =>
        Us(UsScanner("2025-11-08", "CN")).Outcome.ShouldBe(O.LicenseRequired);
}
