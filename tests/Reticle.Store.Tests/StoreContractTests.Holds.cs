namespace Reticle.Store.Tests;

/// <summary>Holds in the store contract: placed with the determination that stops an order, released by a second person.</summary>
public abstract partial class StoreContractTests
{
    private static HoldDocument Hold(string id) => new(id, "license-required", "NL: license-required");

    [Fact]
    public async Task A_stopped_order_is_held_once_and_the_hold_is_audited()
    {
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        var records = await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);
        records.Select(r => r.Kind).ShouldBe(["determination", "hold.placed"]);
        await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);

        var hold = (await Store.GetHoldsAsync()).ShouldHaveSingleItem();
        (hold.OrderId, hold.Status, hold.Outcome, hold.RequestedBy, hold.AuditSequence).ShouldBe(("SO-1", "held", "license-required", "alice", records[1].Sequence));
        (await Store.GetHoldsAsync("SO-2")).ShouldBeEmpty();
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Only_someone_other_than_the_requester_releases_a_hold_and_a_new_hold_lapses_the_release()
    {
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);
        var id = (await Store.GetHoldsAsync()).Single().Id;

        var fourEyes = await Should.ThrowAsync<HoldRejectedException>(() => Store.ReleaseHoldAsync(id, "code", "text", "fp-1", "alice", T0));
        (fourEyes.Reason, fourEyes.Message.Contains("four eyes", StringComparison.Ordinal)).ShouldBe((HoldRejection.SameActor, true));
        (await Should.ThrowAsync<HoldRejectedException>(() => Store.ReleaseHoldAsync(id + 100, "code", "text", "fp-1", "bob", T0))).Reason.ShouldBe(HoldRejection.Unknown);
        var release = await Store.ReleaseHoldAsync(id, "code", "text", "fp-1", "bob", T0);
        release.Kind.ShouldBe("hold.released");
        (await Should.ThrowAsync<HoldRejectedException>(() => Store.ReleaseHoldAsync(id, "code", "text", "fp-1", "carol", T0))).Reason.ShouldBe(HoldRejection.NotHeld);

        var released = (await Store.GetHoldsAsync()).Single();
        (released.Status, released.ReleasedBy, released.ReasonCode, released.ReleaseText, released.Fingerprint).ShouldBe(("released", "bob", "code", "text", "fp-1"));

        await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);
        (await Store.GetHoldsAsync()).Select(h => h.Status).ShouldBe(["lapsed", "held"]);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }
}
