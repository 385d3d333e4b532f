using Reticle.Input;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Import;

namespace Reticle.Tests.Screening;

/// <summary>
/// Entity List entries as the determination engine sees them, on real entries of the US Consolidated
/// Screening List snapshot of 2026-07-31 (shared reference data).
/// </summary>
public sealed class EntityListTests
{
    private static readonly Lazy<IReadOnlyList<ListEntry>> Entries = new(() =>
    {
        var file = Path.Combine(Repository.Root, "..", "shared", "data", "lists", "us-csl-2026-07-31.json");
        var errors = new List<InputError>();
        var entries = CslJsonReader.Read(file, File.ReadAllText(file), errors);
        errors.ShouldBeEmpty();
        return entries;
    });

    private static ListEntry Entry(string name) => Entries.Value.Single(e => e.List == "EL" && e.Name == name);

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd. (Huawei)", new[] { 1, 2 })]
    [InlineData("Semiconductor Manufacturing International (Beijing) Corporation", new[] { 5 })]
    [InlineData("National University of Defense Technology (NUDT)", new[] { 4 })]
    [InlineData("Semiconductor Manufacturing International (Shenzhen) Corporation", new int[0])]
    public void Footnotes_are_read_from_the_licence_requirement_text(string name, int[] footnotes) =>
        Entry(name).Footnotes.ShouldBe(footnotes);

    [Fact]
    public void The_snapshot_holds_the_Entity_List_with_policies_and_Federal_Register_citations()
    {
        Entries.Value.Count(e => e.List == "EL").ShouldBe(3420);
        var smic = Entry("Semiconductor Manufacturing International (Beijing) Corporation");
        smic.LicensePolicy.ShouldBe("Presumption of denial");
        smic.FederalRegister.ShouldBe("85 FR 83420; 89 FR 96837");
        smic.AltNames.ShouldContain("SMIC Beijing");
    }

    [Theory]
    [InlineData("SMIC Beijing")]
    [InlineData("semiconductor manufacturing international (beijing) corporation")]
    [InlineData("Semiconductor Manufacturing International  (Beijing) Corporation.")]
    public void A_party_named_as_an_entry_or_its_alias_is_listed_whatever_the_case_and_punctuation(string partyName)
    {
        var transaction = Transactions.Litho("2025-01-01") with { Parties = [new Party(PartyRole.EndUser, partyName, CountryCode.Parse("CN"), null)] };
        var hit = BundledScreening.Parties.Screen(transaction).Single(h => h.Status == ScreeningStatus.Match && h.Hit.Entry.List == "EL");
        var listing = hit.ToListing();
        listing.EntryName.ShouldBe("Semiconductor Manufacturing International (Beijing) Corporation");
        listing.Footnotes.ShouldBe([5]);
        listing.Confirmed.ShouldBeTrue();
    }

    [Fact]
    public void A_similar_but_different_name_is_at_most_a_potential_match()
    {
        var transaction = Transactions.Litho("2025-01-01") with { Parties = [new Party(PartyRole.EndUser, "SMIC Beijing Trading Ltd", CountryCode.Parse("CN"), null)] };
        BundledScreening.Parties.Screen(transaction).ShouldAllBe(h => h.Status == ScreeningStatus.PotentialMatch);
    }

    [Fact]
    public void Malformed_list_files_are_rejected_with_their_position()
    {
        var errors = new List<InputError>();
        CslJsonReader.Read("bad.json", "{\"results\": [ {\"name\": \"x\", \"source\": ", errors).ShouldBeEmpty();
        errors.Single().Where.ShouldStartWith("bad.json:1:");
    }

    [Theory]
    [InlineData("For all items subject to the EAR (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5", "Presumption of denial", true, ReviewPolicy.PresumptionOfDenial)]
    [InlineData("For All Items Subject to the EAR. (See §744.11 of the EAR)", "See §§744.11 and 744.23(d) of the EAR", true, ReviewPolicy.SeeRegulation)]
    [InlineData("For all items subject to the EAR when used in projects specified in § 744.2", "Case-by-case review", false, ReviewPolicy.CaseByCase)]
    [InlineData("For items on the CCL and EAR99 items listed in supplement no. 2 to part 744", "Policy of denial.", false, ReviewPolicy.PolicyOfDenial)]
    public void Licence_requirement_and_review_policy_become_data(string requirement, string policy, bool allItems, ReviewPolicy review)
    {
        var terms = EntityListTerms.Parse(requirement, policy);
        terms.CoversAllItems.ShouldBe(allItems);
        terms.Policy.ShouldBe(review);
    }

    [Fact]
    public void Every_real_Entity_List_entry_gets_a_scope_and_a_policy()
    {
        var terms = Entries.Value.Where(e => e.List == "EL").Select(e => e.Terms).ToList();
        terms.Count(t => t.CoversAllItems).ShouldBeGreaterThan(3000);
        terms.Count(t => t.Policy == ReviewPolicy.Other).ShouldBeLessThan(200);
    }
}
