using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Screening;

namespace Reticle.Tests.Screening.Listing;

/// <summary>
/// <c>listed(EL)</c> on the date of the act, with real entries of the bundled Consolidated Screening List and the shipped
/// Federal Register page table: Beijing Keyi Hongyuan Optoelectronics (RSLaser) was listed by 90 FR 4617 on 2025-01-16.
/// </summary>
public sealed class ListingDateInDeterminationTests
{
    private const string Pack = """
        pack: test.el
        jurisdiction: NL
        citation: test citation
        published: 2020-06-30
        effective: { from: 2020-01-01 }
        controlList: NL-TEST
        reach: from == NL
        controls:
          - id: 3B001.f.4
            when: wavelengthNm >= 193 nm
        requirements:
          - id: test.el.rule
            activities: [export]
            items: [3B001.f.4]
            when: listed(EL)
            effect: license-required
            citation: art. 2
        """;

    private static readonly Lazy<RuleSet> Rules = new(() =>
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([new RulePackSource("test.el.yaml", Pack)], errors);
        return RuleSetCompiler.Compile(packs, errors) ?? throw new InvalidOperationException(string.Join("\n", errors));
    });

    private static Reticle.Determination.Determination Ship(string date, string endUser, string country = "CN")
    {
        var transaction = Transactions.Litho(date) with { Parties = [new Party(PartyRole.EndUser, endUser, CountryCode.Parse(country), null)] };
        var screening = new PartyScreen(BundledScreening.Index, Rules.Value.ListsDecided).Screen(transaction);
        return DeterminationEngine.DetermineScreened(Rules.Value, transaction, null, screening);
    }

    private static string Because(Reticle.Determination.Determination d) => string.Join("\n", d.Jurisdictions.Single().Findings.Select(f => f.Because));

    [Theory]
    [InlineData("2024-06-03", Outcome.Permitted)]
    [InlineData("2025-01-15", Outcome.Permitted)]
    [InlineData("2025-01-16", Outcome.LicenseRequired)]
    [InlineData("2025-01-17", Outcome.LicenseRequired)]
    public void RSLaser_is_not_listed_for_a_shipment_before_2025_01_16(string date, Outcome outcome) =>
        Ship(date, "Beijing Keyi Hongyuan Optoelectronics Co., Ltd.").Outcome.ShouldBe(outcome);

    [Fact]
    public void The_finding_says_which_citation_dated_the_listing()
    {
        Because(Ship("2025-01-16", "RSLaser")).ShouldContain("listed 2025-01-16 (90 FR 4617)");
        Because(Ship("2024-06-03", "RSLaser")).ShouldContain("listed 2025-01-16 (90 FR 4617), after this act (2024-06-03): not listed for it");
    }

    [Theory]
    [InlineData("2020-12-17", Outcome.Permitted)]
    [InlineData("2020-12-18", Outcome.LicenseRequired)]
    [InlineData("2020-12-19", Outcome.LicenseRequired)]
    public void SMIC_is_listed_from_the_effective_date_of_85_FR_83416_not_its_publication(string date, Outcome outcome)
    {
        // The rule took effect on 2020-12-18 and was published on 2020-12-22; SMIC's entry cites its page 83420.
        var d = Ship(date, "Semiconductor Manufacturing International (Beijing) Corporation");
        d.Outcome.ShouldBe(outcome);
        Because(d).ShouldContain("listed 2020-12-18 (85 FR 83420, published 2020-12-22)");
    }

    [Fact]
    public void A_party_whose_listing_cannot_be_dated_is_treated_as_listed_and_the_finding_says_so()
    {
        // OOO Adis (Russia): listed in 2023 by 88 FR 12158, a page the shipped table does not hold.
        var d = Ship("2020-06-01", "OOO Adis", "RU");
        d.Outcome.ShouldBe(Outcome.LicenseRequired);
        Because(d).ShouldContain("listing date unknown (88 FR 12158 is not in the Federal Register page table): treated as listed");
    }

    [Fact]
    public void One_entity_under_several_destinations_is_dated_by_its_earliest_entry()
    {
        // Dart Aviation: one entry under France cites only 90 FR 14046 (2025-03-25); another, with a French address
        // too, cites 84 FR 61538 first, which the table does not date: the entity is treated as listed in 2024.
        var d = Ship("2024-06-03", "Dart Aviation");
        d.Outcome.ShouldBe(Outcome.LicenseRequired);
    }
}
