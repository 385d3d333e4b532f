using System.Collections.Immutable;
using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Engine;

/// <summary>
/// The one decision pipeline (<see cref="DecisionBasis.Decide(Transaction, LocalDate?)"/>): complete, screen, decide, stamp;
/// and what "no list known at that date" means (the parties are unscreened, never screened clean).
/// </summary>
public sealed class DecisionBasisTests
{
    private static readonly ImmutableSortedDictionary<string, string> Lists =
        ImmutableSortedDictionary<string, string>.Empty.Add("us-csl", "sha256:csl").Add("ofac-sdn", "sdn");

    private static DecisionBasis Screened => DecisionBasis.Of(BundledRules.Rules, BundledRules.Catalog, BundledScreening.Index, Lists, LicenseBook.Empty);

    private static DecisionBasis NoListKnown =>
        DecisionBasis.Of(BundledRules.Rules, BundledRules.Catalog, ScreeningIndex.Build([]), ImmutableSortedDictionary<string, string>.Empty, LicenseBook.Empty);

    // A US-origin EAR99 spare part for SMIC South China, on the Entity List, said not to be an advanced-node facility: only
    // the listing (§744.11) can require a US licence, so whether the end user is listed decides the US outcome.
    private static Transaction SparePartForSmic()
    {
        var read = Repository.Sample("golden/case6-ear99-spare-part-to-smic-south-china.json");
        return read with { EndUse = read.EndUse.SetItem("advancedNodeFacility", Knowledge.No) };
    }

    private static Outcome Us(Reticle.Determination.Determination d) => d.Jurisdictions.Single(j => j.Jurisdiction == "US").Outcome;

    [Fact]
    public void Screened_the_listed_end_user_decides_the_outcome_and_the_list_versions_are_stamped()
    {
        var d = Screened.Decide(SparePartForSmic());

        Us(d).ShouldBe(Outcome.LicenseRequired);
        d.ListVersions.ShouldBe(Lists);
        d.Screening.ShouldContain(h => h.Hit.Entry.List == "EL");
    }

    [Fact]
    public void With_no_list_known_the_parties_are_unscreened_and_the_listing_that_matters_is_review()
    {
        NoListKnown.Screen.ShouldBeNull();

        var d = NoListKnown.Decide(SparePartForSmic());

        Us(d).ShouldBe(Outcome.Review);
        d.Outcome.ShouldBe(Outcome.Review);
        d.ListVersions.ShouldBeEmpty();
        d.Screening.ShouldBeEmpty();
    }

    [Fact]
    public void The_pipeline_decides_as_the_engine_does_from_the_completed_item_and_its_parties_hits()
    {
        var transaction = SparePartForSmic();
        var completed = BundledRules.Catalog.Complete(transaction);
        var byHand = DeterminationEngine.DetermineScreened(BundledRules.Rules, completed, null, Screened.Screen!.Screen(completed), LicenseBook.Empty, Lists);

        DeterminationJson.ToText(Screened.Decide(transaction)).ShouldBe(DeterminationJson.ToText(byHand));
    }

    [Fact]
    public void Impact_with_no_list_known_on_one_side_names_the_listing_the_other_side_found()
    {
        var order = BundledRules.Catalog.Complete(SparePartForSmic());

        var report = ImpactAnalysis.Run([order], new ImpactSide(new LocalDate(2020, 1, 1), NoListKnown), new ImpactSide(new LocalDate(2026, 1, 1), Screened));

        var change = report.Changes.ShouldHaveSingleItem();
        (change.Before.Outcome, change.After.Outcome).ShouldBe((Outcome.Review, Outcome.LicenseRequired));
        change.Because.ShouldContain("list us-csl (not held) → sha256:csl");
    }

    [Fact]
    public void Lists_imported_on_a_knowledge_date_count_up_to_its_last_tick_and_not_after()
    {
        var end = DecisionBasis.ListsKnownBy(new LocalDate(2024, 1, 1));

        end.ShouldBe(Instant.FromUtc(2024, 1, 1, 23, 59, 59) + Duration.FromTicks(9_999_999));
        (Instant.FromUtc(2024, 1, 2, 0, 0) <= end).ShouldBeFalse();
        (Instant.FromUtc(2024, 1, 1, 0, 0) <= end).ShouldBeTrue();
    }
}
