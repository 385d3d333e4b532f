using Reticle.Screening;
using static Reticle.Tests.Screening.Import.SharedLists;

namespace Reticle.Tests.Screening;

/// <summary>What changed between two snapshots of a list, on two real monthly SDN snapshots.</summary>
public sealed class ListDeltaTests
{
    private static readonly Lazy<ListSnapshot> April = new(() => Read("ofac-csv", "ofac/ofac_sdn/sdn_2024-04-02.csv"));
    private static readonly Lazy<ListSnapshot> May = new(() => Read("ofac-csv", "ofac/ofac_sdn/sdn_2024-05-03.csv"));

    [Fact]
    public void A_month_of_SDN_changes_shows_the_entries_added_removed_and_changed()
    {
        var delta = ListDelta.Between(April.Value, May.Value);
        delta.Added.Length.ShouldBe(417);
        delta.Removed.Length.ShouldBe(12);
        // Changed: the vessel YOUNG YONG renamed SAINT LIGHT (and reflagged), and six entries with programmes
        // added (HOSTAGES-EO14078, NPWMD); the other remarks-only edits of the month do not count.
        delta.Changed.ShouldBe(["13109", "15832", "27865", "32794", "32795", "34769", "39693"], ignoreOrder: true);
        (April.Value.Entries.Length + delta.Added.Length - delta.Removed.Length).ShouldBe(May.Value.Entries.Length);
        delta.Summary.ShouldBe($"ofac-sdn: 14,965 entries (was 14,560): 417 added, 12 removed, 7 changed");
    }

    [Fact]
    public void A_first_import_adds_every_entry()
    {
        var delta = ListDelta.Between(null, April.Value);
        delta.Added.ShouldBe(April.Value.Entries.Select(e => e.Id));
        delta.Removed.ShouldBeEmpty();
        delta.Changed.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_snapshot_twice_changes_nothing()
    {
        ListDelta.Between(May.Value, May.Value).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void An_entry_changes_when_what_screening_reads_changes_but_not_when_aliases_are_only_reordered()
    {
        var entry = new ListEntry("EL", "1", "Acme", ["A", "B"], ["CN"], "For all items subject to the EAR", "Presumption of denial", "1 FR 1");
        var older = new ListSnapshot("us-csl", "csl-json", null, [entry]);
        ListDelta.Between(older, older with { Entries = [entry with { AltNames = ["B", "A"], FederalRegister = "2 FR 2" }] }).IsEmpty.ShouldBeTrue();
        ListDelta.Between(older, older with { Entries = [entry with { AltNames = ["A"] }] }).Changed.ShouldBe(["1"]);
        ListDelta.Between(older, older with { Entries = [entry with { Countries = ["HK"] }] }).Changed.ShouldBe(["1"]);
        ListDelta.Between(older, older with { Entries = [entry with { LicensePolicy = "Case-by-case" }] }).Changed.ShouldBe(["1"]);
        ListDelta.Between(older, older with { Entries = [entry with { Type = PartyType.Individual }] }).Changed.ShouldBe(["1"]);
        ListDelta.Between(older, older with { Entries = [entry with { Programs = ["NPWMD"] }] }).Changed.ShouldBe(["1"]);
    }

    [Fact]
    public void Snapshots_of_different_datasets_have_no_delta()
    {
        Should.Throw<ArgumentException>(() => ListDelta.Between(April.Value with { Dataset = "un" }, May.Value));
    }
}
