using System.Collections.Immutable;
using NodaTime;
using Reticle.Determination;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Ownership;

namespace Reticle.Tests.Ownership;

/// <summary>
/// Ownership in the one decision pipeline, against the bundled lists and rule packs: listed owners are found by screening
/// their names, the Affiliates rule pack decides with the most restrictive owner, and OFAC's 50 % rule holds at review.
/// </summary>
public class OwnershipDecisionTests
{
    private static readonly ImmutableSortedDictionary<string, string> Lists = ImmutableSortedDictionary<string, string>.Empty.Add("us-csl", "sha256:test");

    private static DecisionBasis With(params Stake[] stakes) =>
        DecisionBasis.Of(BundledRules.Rules, BundledRules.Catalog, BundledScreening.Index, Lists, LicenseBook.Empty) with
        {
            Ownership = new OwnershipScreen(OwnershipGraph.Build(stakes), BundledScreening.Index, ImmutableSortedDictionary<string, string>.Empty.Add("owners", "sha256:o")),
        };

    private static Stake Stake(string owner, string ownerCountry, decimal percent) =>
        new(owner, CountryCode.Parse(ownerCountry), "Lotus Harbour Components Co. Ltd.", CountryCode.Parse("CN"), percent, new LocalDate(2020, 1, 1), null, "register");

    // A US-origin EAR99 spare part for an unlisted company in China, not an advanced-node facility: only a listing (or the
    // Affiliates rule) can require a US licence.
    private static Transaction SparePart(string date)
    {
        return Repository.Sample("ownership/oring-to-pearl-river.json") with
        {
            Date = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)),
            Parties = [new Party(PartyRole.EndUser, "Lotus Harbour Components Co. Ltd.", CountryCode.Parse("CN"), null)],
        };
    }

    private static Outcome Us(Reticle.Determination.Determination d) => d.Jurisdictions.Single(j => j.Jurisdiction == "US").Outcome;

    [Fact]
    public void Owners_on_the_Entity_List_together_holding_half_make_the_affiliate_take_the_strictest_terms()
    {
        var basis = With(Stake("Semiconductor Manufacturing International Corporation", "CN", 30m), Stake("Huawei Technologies Co., Ltd.", "CN", 20m));

        var d = basis.Decide(SparePart("2026-11-25"));

        Us(d).ShouldBe(Outcome.LicenseRequired);
        var owned = d.Ownership.Single(o => o.Finding.Regime == OwnershipRegime.BisAffiliates).Finding;
        owned.Percent.ShouldBe(50m);
        owned.ListedOwners.Select(e => e.List).Distinct().ShouldBe(["EL"]);
        owned.ListedOwners.Length.ShouldBeGreaterThanOrEqualTo(2);
        var finding = d.Jurisdictions.Single(j => j.Jurisdiction == "US").Findings.Single(f => f.Rule == "us.affiliates.entity-list");
        finding.Because.ShouldContain("strictest of its listed owners: licence requirement:");
        finding.Because.ShouldContain("review policy:");
        d.OwnershipVersions.ShouldBe(ImmutableSortedDictionary<string, string>.Empty.Add("owners", "sha256:o"));
    }

    [Fact]
    public void Listed_owners_holding_just_under_half_leave_the_affiliate_unrestricted()
    {
        var basis = With(Stake("Semiconductor Manufacturing International Corporation", "CN", 30m), Stake("Huawei Technologies Co., Ltd.", "CN", 19.9m));

        var d = basis.Decide(SparePart("2026-11-25"));

        Us(d).ShouldBe(Outcome.Permitted);
        d.Ownership.ShouldBeEmpty();
    }

    [Fact]
    public void A_company_half_owned_by_an_SDN_is_held_at_review_under_OFACs_rule_on_any_date()
    {
        var basis = With(Stake("AEROCARIBBEAN AIRLINES", "CU", 50m));

        var before = basis.Decide(SparePart("2024-05-01"));

        before.Ownership.ShouldContain(o => o.Finding.Regime == OwnershipRegime.Ofac50 && o.Finding.Status == OwnershipStatus.Owned);
        Us(before).ShouldBe(Outcome.Permitted, "the Affiliates rule is not yet in force, and no EAR rule reaches an SDN affiliate before it");
        before.Outcome.ShouldBe(Outcome.Review);
        var after = basis.Decide(SparePart("2026-11-25"));
        after.Jurisdictions.Single(j => j.Jurisdiction == "US").Findings.Single(f => f.Rule == "us.affiliates.sdn").Status.ShouldBe(FindingStatus.Applies);
    }

    [Fact]
    public void An_owner_listed_after_the_act_does_not_pass_a_listing_on()
    {
        // Beijing Keyi Hongyuan Optoelectronics was listed on 2025-01-16 (90 FR 4617).
        var basis = With(Stake("Beijing Keyi Hongyuan Optoelectronics Co., Ltd.", "CN", 100m));

        basis.OwnershipOf(SparePart("2024-12-01"), null).ShouldBeEmpty();
        basis.OwnershipOf(SparePart("2025-10-01"), null).ShouldHaveSingleItem().Finding.Regime.ShouldBe(OwnershipRegime.BisAffiliates);
    }
}
