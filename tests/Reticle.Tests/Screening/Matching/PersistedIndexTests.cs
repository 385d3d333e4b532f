using System.Text.Json;
using Reticle.Screening;
using Reticle.Screening.Listing;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Screening.Matching;

/// <summary>The screening index read back from its persisted form screens exactly as the index that was built.</summary>
public sealed class PersistedIndexTests
{
    private static readonly Lazy<ScreeningIndex> ReadBack = new(() =>
    {
        using var bytes = new MemoryStream();
        BundledScreening.Index.WriteTo(bytes);
        bytes.Position = 0;
        return ScreeningIndex.ReadFrom(bytes) ?? throw new InvalidOperationException("the persisted index does not read back");
    });

    public static TheoryData<string, string?, PartyType, double?> Queries => new()
    {
        { "Semiconductor Manufacturing Intl. Corp.", "CN", PartyType.Unknown, null },
        { "Huawei Technologies", null, PartyType.Entity, null },
        { "AL QAEDA", null, PartyType.Unknown, 0.7 },
        { "Vladimir Putin", "RU", PartyType.Individual, null },
        { "Shanghai Micro Electronics Equipment", "CN", PartyType.Unknown, 0.6 },
        { "Acme Precision Optics of Ohio", "US", PartyType.Unknown, null },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_read_back_index_finds_the_same_hits_with_the_same_scores_and_reasons(string name, string? country, PartyType type, double? threshold)
    {
        var query = new ScreeningQuery(name, country, type, threshold, 20);

        Describe(ReadBack.Value.Screen(query)).ShouldBe(Describe(BundledScreening.Index.Screen(query)));
    }

    [Fact]
    public void A_read_back_index_holds_every_entry_as_it_was()
    {
        ReadBack.Value.NameCount.ShouldBe(BundledScreening.Index.NameCount);
        ReadBack.Value.Entries.Length.ShouldBe(BundledScreening.Index.Entries.Length);
        ListEntryJson.Write(ReadBack.Value.Entries).ShouldBe(ListEntryJson.Write(BundledScreening.Index.Entries));
    }

    [Fact]
    public void Bytes_that_are_not_a_persisted_index_read_as_none()
    {
        using var bytes = new MemoryStream();
        BundledScreening.Index.WriteTo(bytes);
        ScreeningIndex.ReadFrom(new MemoryStream(bytes.ToArray()[..(int)(bytes.Length / 2)])).ShouldBeNull();
        ScreeningIndex.ReadFrom(new MemoryStream("not an index"u8.ToArray())).ShouldBeNull();
    }

    [Fact]
    public void Bytes_changed_anywhere_read_as_none()
    {
        using var bytes = new MemoryStream();
        BundledScreening.Index.WriteTo(bytes);
        var written = bytes.ToArray();
        foreach (var at in (int[])[written.Length / 7, written.Length / 2, written.Length - 20])
        {
            var damaged = written.ToArray();
            damaged[at] ^= 0x01;
            ScreeningIndex.ReadFrom(new MemoryStream(damaged)).ShouldBeNull();
        }
    }

    [Fact]
    public void An_entry_read_back_keeps_the_snapshot_that_first_held_it()
    {
        var held = new HeldInSnapshot("us-csl", new NodaTime.LocalDate(2024, 5, 3));
        // No citation: only the snapshot dates the listing, so an entry that lost it would be dated otherwise.
        var entry = new ListEntry("EL", "1", "Quillfeather Photonic Holdings", [], ["CN"], "For all items subject to the EAR.", "Presumption of denial.", null)
        {
            HeldIn = held,
        };
        entry.Listing.ShouldNotBe((entry with { HeldIn = null }).Listing);
        using var bytes = new MemoryStream();
        ScreeningIndex.Build([entry]).WriteTo(bytes);
        bytes.Position = 0;

        var read = ScreeningIndex.ReadFrom(bytes).ShouldNotBeNull();

        read.Entries.ShouldHaveSingleItem().HeldIn.ShouldBe(held);
        read.Screen(new ScreeningQuery("Quillfeather Photonic Holdings", null)).ShouldHaveSingleItem().Entry.Listing.ShouldBe(entry.Listing);
    }

    private static string Describe(IEnumerable<ScreeningHit> hits) =>
        JsonSerializer.Serialize(hits.Select(h => new { h.Entry.List, h.Entry.Id, h.MatchedName, h.Score, h.Explanation }));
}
