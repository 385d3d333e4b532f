using NodaTime;
using Reticle.Screening;

namespace Reticle.Tests.Screening;

public sealed class ListMergeTests
{
    private static ListEntry Entry(string list, string id, string name, params string[] aliases) =>
        new(list, id, name, [.. aliases], [], null, null, null);

    [Fact]
    public void A_listing_held_in_two_datasets_is_kept_once_from_the_newest_snapshot()
    {
        var ofac = new ListSnapshot("ofac-sdn", "ofac-csv", null, [Entry("SDN", "36", "AEROCARIBBEAN AIRLINES")]);
        var csl = new ListSnapshot("us-csl", "csl-json", new LocalDate(2026, 7, 31), [Entry("SDN", "c1", "AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN")]);

        var merged = ListMerge.Entries([ofac, csl]);

        merged.ShouldHaveSingleItem().Id.ShouldBe("c1");
    }

    [Fact]
    public void The_same_name_on_different_lists_is_two_listings()
    {
        var merged = ListMerge.Entries([
            new ListSnapshot("us-csl", "csl-json", new LocalDate(2026, 7, 31), [Entry("EL", "e1", "Example Co."), Entry("MEU", "m1", "Example Co.")]),
            new ListSnapshot("bis-dpl", "bis-dpl", null, [Entry("DPL", "d1", "Example Co.")]),
        ]);

        merged.Select(e => e.Id).ShouldBe(["e1", "m1", "d1"]);
    }

    [Fact]
    public void Entries_found_in_one_snapshot_only_are_all_kept_even_with_one_name()
    {
        var merged = ListMerge.Entries([
            new ListSnapshot("un", "un-xml", new LocalDate(2026, 2, 27), [Entry("UN", "1", "Ali Hassan"), Entry("UN", "2", "Ali Hassan")]),
            new ListSnapshot("ofac-sdn", "ofac-csv", null, [Entry("SDN", "9", "Delisted Since"), Entry("UN", "3", "Ali Hassan")]),
        ]);

        merged.Select(e => e.Id).ShouldBe(["1", "2", "9"]);
    }
}
