namespace Reticle.Store.Tests;

/// <summary>
/// Determinations are written after the head the store last wrote, checked under the write lock (PostgreSQL, in one round
/// trip with the rows): when another store object or another kind of write moved the head in between, the chain still runs on.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Determinations_written_after_another_writer_moved_the_head_extend_the_chain_it_left()
    {
        var first = await Store.RecordDeterminationsAsync([Decided("T-1"), Decided("T-2")], "api", T0);
        await using (var other = OpenStore(Database))
        {
            await other.RecordDeterminationsAsync([Decided("T-3")], "other-node", T0);
        }
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        var after = await Store.RecordDeterminationsAsync([Decided("T-4")], "api", T0);
        var again = await Store.RecordDeterminationsAsync([Decided("T-5"), Decided("T-6")], "api", T0);

        after.Single().Sequence.ShouldBe(first[^1].Sequence + 3);
        again.Select(r => r.Sequence).ShouldBe([after[0].Sequence + 1, after[0].Sequence + 2]);
        again[0].PreviousHash.ShouldBe(after[0].Hash);
        // Past the writes that go the long way after a miss, the guess is used again; the chain runs on either way.
        var last = again[^1];
        for (var i = 0; i < 12; i++)
        {
            var next = (await Store.RecordDeterminationsAsync([Decided($"T-{7 + i}")], "api", T0)).Single();
            next.PreviousHash.ShouldBe(last.Hash);
            last = next;
        }
        (await Store.ReadAuditHeadAsync())!.Value.Sequence.ShouldBe(last.Sequence);
        (await Store.GetDeterminationsAsync("T-5")).Single().AuditSequence.ShouldBe(again[0].Sequence);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }
}
