using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Listing;

namespace Reticle.Tests.Screening.Listing;

/// <summary>Importing a newer snapshot keeps what the older ones showed about when Entity List entries were listed.</summary>
public sealed class EntityListHistoryTests
{
    private static ListEntry El(string id, string name, string? federalRegister) =>
        new("EL", id, name, [], ["CN"], "For all items subject to the EAR.", "Presumption of denial.", federalRegister);

    private static ListSnapshot Csl(string? published, params ListEntry[] entries) =>
        new("us-csl", "csl-json", published is null ? null : Transactions.Date(published), [.. entries]);

    [Fact]
    public void An_entry_the_snapshot_in_use_held_is_marked_as_listed_by_that_snapshots_date()
    {
        var newer = EntityListHistory.Carry(Csl("2019-06-30", El("1", "Old Trading Co.", "88 FR")), Csl("2026-07-31", El("1", "Old Trading Co.", "88 FR")));
        var entry = newer.Entries.Single();
        entry.HeldIn.ShouldBe(new HeldInSnapshot("us-csl", Transactions.Date("2019-06-30")));
        entry.Listing!.Summary.ShouldBe("listed by 2019-06-30 (in the us-csl snapshot of 2019-06-30)");
    }

    [Fact]
    public void An_entry_is_found_again_by_its_name_when_the_publisher_renumbered_it()
    {
        var newer = EntityListHistory.Carry(Csl("2019-06-30", El("a1", "Old Trading Co.", "88 FR")), Csl("2026-07-31", El("b7", "Old Trading Co.", "88 FR")));
        newer.Entries.Single().HeldIn!.Published.ShouldBe(Transactions.Date("2019-06-30"));
    }

    [Fact]
    public void A_new_entry_and_the_other_lists_carry_nothing()
    {
        var sdn = new ListEntry("SDN", "2", "Old Trading Co.", [], [], null, null, null);
        var newer = EntityListHistory.Carry(Csl("2019-06-30", El("1", "Old Trading Co.", "88 FR"), sdn),
            Csl("2026-07-31", El("3", "New Trading Co.", "90 FR 4617"), sdn));
        newer.Entries.ShouldAllBe(e => e.HeldIn == null);
        newer.Entries.Single(e => e.List == "SDN").Listing.ShouldBeNull();
    }

    [Fact]
    public void Each_import_keeps_the_oldest_snapshot_known_to_hold_the_entry_through_the_store()
    {
        var first = Csl("2019-06-30", El("1", "Old Trading Co.", "88 FR"));
        var second = Stored(EntityListHistory.Carry(first, Csl("2023-01-31", El("1", "Old Trading Co.", "88 FR"))));
        var third = Stored(EntityListHistory.Carry(second, Csl("2026-07-31", El("1", "Old Trading Co.", "88 FR; 90 FR 4617"))));
        third.Entries.Single().HeldIn.ShouldBe(new HeldInSnapshot("us-csl", Transactions.Date("2019-06-30")));
        third.Entries.Single().Listing!.For(Transactions.Date("2020-01-01")).ShouldBe(ListingStatus.Listed);
    }

    [Fact]
    public void A_snapshot_without_a_publication_date_dates_nothing()
    {
        var newer = EntityListHistory.Carry(Csl(null, El("1", "Old Trading Co.", "88 FR")), Csl("2026-07-31", El("1", "Old Trading Co.", "88 FR")));
        newer.Entries.Single().HeldIn.ShouldBeNull();
    }

    // As the store keeps a snapshot and reads it back.
    private static ListSnapshot Stored(ListSnapshot snapshot) =>
        snapshot with { Entries = ListEntryJson.Read(ListEntryJson.Write(snapshot.Entries)) };
}
