using Reticle.Determination;
using Reticle.Licensing;
using static Reticle.Tests.Licensing.Licenses;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Licensing;

/// <summary>
/// The founding story (research §3.2): a Dutch licence for NXT:2050i shipments to China, partially
/// revoked from 1 January 2024, decided through the engine with the bundled rules.
/// </summary>
public sealed class RevocationStoryTests
{
    private static readonly LicenseBook Revoked = NlBook(RevokeLine1());

    private static JurisdictionDetermination Nl(Reticle.Determination.Determination d) => d.Jurisdictions.Single(j => j.Jurisdiction == "NL");

    [Fact]
    public void Without_a_licence_the_Dutch_outcome_is_license_required()
    {
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2023-12-15")));
        nl.Outcome.ShouldBe(Outcome.LicenseRequired);
        nl.License.ShouldBeNull();
    }

    [Fact]
    public void A_shipment_in_December_2023_is_licensed_naming_the_licence_line_and_balance()
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Shipment("2023-12-15"), listings: [], licenses: NlBook());
        var nl = Nl(d);
        nl.Outcome.ShouldBe(Outcome.Licensed);
        nl.License.ShouldBe(new CoveringLicense(Id, LicenseKind.Individual, 1, 2m, new Reticle.Model.Money(130_000_000m, "EUR")));
        d.Outcome.ShouldBe(d.Jurisdictions.Max(j => j.Outcome == Outcome.NotApplicable ? Outcome.Permitted : j.Outcome));
        d.Outcome.ShouldBe(Outcome.Licensed, string.Join("; ", d.Jurisdictions.Select(j => $"{j.Jurisdiction} {j.Outcome} {string.Join(",", j.Findings.Where(f => f.Status != FindingStatus.DoesNotApply).Select(f => f.Rule + ": " + f.Because))}")));
    }

    [Fact]
    public void Revoked_license_no_longer_covers_shipments_from_the_effective_date()
    {
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2024-01-02"), licenses: Revoked));
        nl.Outcome.ShouldBe(Outcome.LicenseRequired);
        nl.License.ShouldBeNull();
        nl.LicensesConsidered.ShouldHaveSingleItem().ToString().ShouldBe(
            "NL-2023-0042 line 1: revoked from 2024-01-01 (announced 2024-01-01): partially revoked by the Dutch government at the request of the United States");
    }

    [Fact]
    public void Shipments_before_the_revocation_stay_licensed()
    {
        Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2023-12-31"), licenses: Revoked)).Outcome.ShouldBe(Outcome.Licensed);
    }

    [Fact]
    public void As_known_before_the_announcement_the_January_shipment_still_looks_licensed()
    {
        var rules = BundledRules.KnownAt(Date("2023-12-15"));
        var d = DeterminationEngine.Determine(rules, Shipment("2024-01-02"), licenses: Revoked);
        Nl(d).Outcome.ShouldBe(Outcome.Licensed);
        d.KnownAt.ShouldBe(Date("2023-12-15"));
    }

    [Fact]
    public void The_partial_revocation_leaves_the_other_line_usable()
    {
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2024-01-02", sku: "NXT:2100i"), licenses: Revoked));
        nl.Outcome.ShouldBe(Outcome.Licensed);
        nl.License!.Line.ShouldBe(2);
        Revoked.StateOf(Id, Date("2024-01-02"), null)!.Status.ShouldBe(LicenseStatus.PartiallyRevoked);
    }

    [Fact]
    public void Revocation_for_a_party_withdraws_the_licence_for_that_customer()
    {
        var book = NlBook(new LicenseRevoked(Id, RevocationScope.ForParty("semiconductor manufacturing international, beijing, corporation"),
            Date("2024-01-01"), Date("2024-01-01"), "customer withdrawn"));
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2024-01-02"), licenses: book));
        nl.Outcome.ShouldBe(Outcome.LicenseRequired);
        nl.LicensesConsidered.ShouldHaveSingleItem().Reason.ShouldBe(
            $"for end-user '{EndUser}' revoked from 2024-01-01 (announced 2024-01-01): customer withdrawn");
    }

    [Fact]
    public void The_determination_JSON_names_the_licence_and_the_balance_left()
    {
        var json = DeterminationJson.ToJson(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2023-12-15"), listings: [], licenses: NlBook()));
        var nl = json["jurisdictions"]!.AsArray().Single(j => (string?)j!["jurisdiction"] == "NL")!;
        ((string?)nl["outcome"]).ShouldBe("licensed");
        nl["license"]!.ToJsonString().ShouldBe("""{"id":"NL-2023-0042","line":1,"remainingQuantity":2,"remainingValue":{"amount":130000000,"currency":"EUR"}}""");
        nl["licensesConsidered"].ShouldBeNull();
        ((string?)json["outcome"]).ShouldBe("licensed");
    }

    [Fact]
    public void The_determination_JSON_lists_the_licences_considered_when_none_covers()
    {
        var json = DeterminationJson.ToJson(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2024-01-02"), licenses: Revoked));
        var nl = json["jurisdictions"]!.AsArray().Single(j => (string?)j!["jurisdiction"] == "NL")!;
        nl["license"].ShouldBeNull();
        nl["licensesConsidered"]!.ToJsonString().ShouldStartWith("""[{"id":"NL-2023-0042","line":1,"reason":"revoked from 2024-01-01""");
    }

    [Fact]
    public void A_licence_never_lifts_review()
    {
        // Without the DCO the Dutch rule cannot be decided: review, which a licence does not answer.
        var t = Shipment("2023-12-15");
        t = t with { Item = t.Item with { Parameters = t.Item.Parameters.Remove("dedicatedChuckOverlayNm") } };
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, t, licenses: NlBook()));
        nl.Outcome.ShouldBe(Outcome.Review);
        nl.License.ShouldBeNull();
        nl.LicensesConsidered.ShouldBeEmpty();
    }

    [Fact]
    public void The_fast_outcomes_pass_agrees_with_full_determinations()
    {
        foreach (var (t, book) in new[]
        {
            (Shipment("2023-12-15"), NlBook()), (Shipment("2024-01-02"), Revoked), (Shipment("2024-01-02", sku: "NXT:2100i"), Revoked),
            (Shipment("2023-12-15", quantity: 4), NlBook()), (Shipment("2025-02-01"), NlBook()),
        })
        {
            var full = DeterminationEngine.Determine(BundledRules.Rules, t, licenses: book);
            var fast = DeterminationEngine.Outcomes(BundledRules.Rules, t, licenses: book);
            fast.Jurisdictions.ShouldBe(full.Jurisdictions.Select(j => j.Outcome).ToArray());
            fast.Outcome.ShouldBe(full.Outcome);
        }
    }

    [Fact]
    public void A_licence_for_another_item_is_noted_not_listed()
    {
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2023-12-15", sku: "NXT:2000i"), licenses: NlBook()));
        nl.Outcome.ShouldBe(Outcome.LicenseRequired);
        nl.LicensesConsidered.ShouldBeEmpty();
        nl.Notes.ShouldContain("no NL licence on record is for item NXT:2000i");
    }

    [Fact]
    public void Grandfathered_licence_covers_after_the_annex_was_replaced()
    {
        // The Dutch annex was replaced in force 2024-09-07; Art. III keeps licences issued before valid.
        // Coverage depends on the licence alone, so the 2023 licence covers an October 2024 shipment.
        var nl = Nl(DeterminationEngine.Determine(BundledRules.Rules, Shipment("2024-10-01"), licenses: NlBook()));
        nl.RuleVersions.ShouldNotContain("nl.sme-2023@2023-09-01");
        nl.Outcome.ShouldBe(Outcome.Licensed);
        nl.License!.LicenseId.ShouldBe(Id);
    }
}
