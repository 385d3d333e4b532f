using Reticle.Audit;

namespace Reticle.Store.Tests;

// Every record a decision rests on — licence events, orders, holds, API keys — is sealed by its audit record: an edit
// behind the store's back (a licence quantity raised, an order's transaction changed, a hold turned released, a key's
// hash swapped or its revocation undone) breaks the seal, and verification names the record. Anchors kept outside the
// database catch the newest records deleted with the head moved back.
public abstract partial class StoreContractTests
{
    [Theory]
    [InlineData("payload_json = REPLACE(payload_json, '\"quantity\":3', '\"quantity\":100')", "payload")]
    [InlineData("license_id = 'NL-2023-9999'", "licence id")]
    [InlineData("type = 'amended'", "type")]
    public async Task An_edited_licence_event_breaks_its_seal(string edit, string what)
    {
        var records = await Store.AppendLicenseEventsAsync([new Reticle.Licensing.LicenseIssued(NlLicense()), Shipment("SO-1")], "tester", T0);
        (await VerifyAsync()).SealedRowsVerified.ShouldBe(2);

        await ExecuteRawAsync($"UPDATE license_events SET {edit} WHERE audit_sequence = {records[0].Sequence}");

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(records[0].Sequence);
        verification.Problem.ShouldNotBeNull().ShouldSatisfyAllConditions(p => p.ShouldContain("licence event"), p => p.ShouldContain(what));
    }

    [Fact]
    public async Task A_licence_event_raised_from_1_to_100_is_caught_even_when_the_text_is_rewritten_whole()
    {
        await Store.AppendLicenseEventsAsync([new Reticle.Licensing.LicenseIssued(NlLicense())], "tester", T0);
        var stored = (await QueryRawAsync("SELECT payload_json FROM license_events")).Single();
        var forged = stored.Replace("\"quantity\": 3", "\"quantity\": 100", StringComparison.Ordinal).Replace("\"quantity\":3", "\"quantity\":100", StringComparison.Ordinal);
        forged.ShouldNotBe(stored);

        await ExecuteRawAsync($"UPDATE license_events SET payload_json = '{forged.Replace("'", "''", StringComparison.Ordinal)}'");

        (await VerifyAsync()).Problem.ShouldNotBeNull().ShouldContain("payload differs");
    }

    [Fact]
    public async Task A_deleted_licence_event_is_named_by_the_record_that_sealed_it()
    {
        var records = await Store.AppendLicenseEventsAsync([new Reticle.Licensing.LicenseIssued(NlLicense()), Shipment("SO-1")], "tester", T0);

        await ExecuteRawAsync($"DELETE FROM license_events WHERE audit_sequence = {records[1].Sequence}");

        var verification = await VerifyAsync();
        verification.FirstBadSequence.ShouldBe(records[1].Sequence);
        verification.Problem.ShouldNotBeNull().ShouldContain("no longer stored");
    }

    [Theory]
    [InlineData("input_json = '{\"id\": \"SO-1\", \"date\": \"2023-08-31\"}'", "transaction")]
    [InlineData("status = 'shipped'", "no record shipped it")]
    [InlineData("status = 'cancelled'", "was never recorded")]
    public async Task An_edited_order_breaks_its_seal(string edit, string what)
    {
        var records = await Store.AddOrdersAsync([Order("SO-1"), Order("SO-2")], "tester", T0);

        await ExecuteRawAsync($"UPDATE orders SET {edit} WHERE order_id = 'SO-1'");

        var verification = await VerifyAsync();
        verification.FirstBadSequence.ShouldBe(records[0].Sequence);
        verification.Problem.ShouldNotBeNull().ShouldContain(what);
    }

    [Fact]
    public async Task A_shipped_order_set_back_to_open_breaks_its_seal()
    {
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        await Store.ShipOrderAsync("SO-1", Decided("SO-1"), [], ship: true, null, "alice", T0);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();

        await ExecuteRawAsync("UPDATE orders SET status = 'open', status_audit_sequence = NULL WHERE order_id = 'SO-1'");

        (await VerifyAsync()).Problem.ShouldNotBeNull().ShouldContain("order.shipped of order 'SO-1'");
    }

    [Fact]
    public async Task A_hold_released_behind_the_chain_breaks_its_seal()
    {
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        var records = await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);

        await ExecuteRawAsync("UPDATE holds SET status = 'released', released_by = 'bob', reason_code = 'x', release_text = 'y'");

        var verification = await VerifyAsync();
        verification.FirstBadSequence.ShouldBe(records[1].Sequence);
        verification.Problem.ShouldNotBeNull().ShouldContain("no record released it");
    }

    [Fact]
    public async Task A_lapsed_release_turned_back_into_a_standing_one_breaks_its_seal()
    {
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);
        var id = (await Store.GetHoldsAsync()).Single().Id;
        await Store.ReleaseHoldAsync(id, "code", "text", "fp-1", "bob", T0);
        await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);
        (await Store.GetHoldsAsync()).Select(h => h.Status).ShouldBe(["lapsed", "held"]);
        var verified = await VerifyAsync();
        verified.IsIntact.ShouldBeTrue();
        verified.SealedRowsVerified.ShouldBe(3); // the order and two holds

        await ExecuteRawAsync($"UPDATE holds SET status = 'released' WHERE id = {id}");

        (await VerifyAsync()).Problem.ShouldNotBeNull().ShouldContain("recorded its release lapsing");
    }

    [Fact]
    public async Task A_hold_whose_release_reason_is_edited_breaks_its_seal()
    {
        await Store.AddOrdersAsync([Order("SO-1")], "tester", T0);
        await Store.ShipOrderAsync("SO-1", Decided("SO-1", "license-required"), [], ship: false, Hold("SO-1"), "alice", T0);
        var id = (await Store.GetHoldsAsync()).Single().Id;
        await Store.ReleaseHoldAsync(id, "code", "text", "fp-1", "bob", T0);

        await ExecuteRawAsync("UPDATE holds SET released_by = 'carol'");

        (await VerifyAsync()).Problem.ShouldNotBeNull().ShouldContain("releaser differs");
    }

    [Fact]
    public async Task Keys_are_listed_revoked_once_and_the_revocation_is_an_audit_record()
    {
        await Store.AddApiKeyAsync(new ApiKeyDocument("alice", "analyst", new string('a', 64)), "cli:admin", T0);
        await Store.AddApiKeyAsync(new ApiKeyDocument("bob", "viewer", new string('b', 64)), "cli:admin", T0);

        var record = await Store.RevokeApiKeyAsync("alice", "cli:admin", T0);

        record.Kind.ShouldBe("api-key.revoked");
        record.Payload.ShouldContain("alice");
        record.Payload.ShouldNotContain(new string('a', 64));
        var keys = await Store.GetApiKeysAsync();
        keys.Select(k => (k.Name, k.IsRevoked)).ShouldBe([("alice", true), ("bob", false)]);
        (await Store.FindApiKeyAsync(new string('a', 64))).ShouldNotBeNull().IsRevoked.ShouldBeTrue();
        (await Should.ThrowAsync<ApiKeyRejectedException>(() => Store.RevokeApiKeyAsync("alice", "cli:admin", T0))).IsUnknown.ShouldBeFalse();
        (await Should.ThrowAsync<ApiKeyRejectedException>(() => Store.RevokeApiKeyAsync("nobody", "cli:admin", T0))).IsUnknown.ShouldBeTrue();
        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeTrue();
        verification.SealedRowsVerified.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_last_used_is_kept_to_the_minute()
    {
        var hash = new string('c', 64);
        await Store.AddApiKeyAsync(new ApiKeyDocument("carol", "viewer", hash), "cli:admin", T0);

        await Store.MarkApiKeyUsedAsync(hash, T0 + NodaTime.Duration.FromSeconds(5));
        await Store.MarkApiKeyUsedAsync(hash, T0 + NodaTime.Duration.FromSeconds(30));
        (await Store.FindApiKeyAsync(hash))!.LastUsedAt.ShouldBe(T0 + NodaTime.Duration.FromSeconds(5));
        await Store.MarkApiKeyUsedAsync(hash, T0 + NodaTime.Duration.FromSeconds(70));
        (await Store.FindApiKeyAsync(hash))!.LastUsedAt.ShouldBe(T0 + NodaTime.Duration.FromSeconds(70));
        (await VerifyAsync()).IsIntact.ShouldBeTrue(); // last use is not sealed
    }

    [Theory]
    [InlineData("sha256 = 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd'", "key hash differs")]
    [InlineData("role = 'admin'", "name or role")]
    [InlineData("revoked_at = NULL, revoke_audit_sequence = NULL", "no longer stored")]
    public async Task A_key_swapped_promoted_or_unrevoked_behind_the_chain_breaks_its_seal(string edit, string what)
    {
        await Store.AddApiKeyAsync(new ApiKeyDocument("alice", "viewer", new string('a', 64)), "cli:admin", T0);
        await Store.RevokeApiKeyAsync("alice", "cli:admin", T0);

        await ExecuteRawAsync($"UPDATE api_keys SET {edit} WHERE name = 'alice'");

        (await VerifyAsync()).Problem.ShouldNotBeNull().ShouldContain(what);
    }

    [Fact]
    public async Task An_anchor_catches_the_newest_records_deleted_with_the_head_moved_back()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.AppendAuditAsync(Entry(i));
        }
        var head = (await Store.ReadAuditHeadAsync()).ShouldNotBeNull();
        var anchor = new AuditAnchor(head.Sequence, head.Hash, T0);
        (await Store.VerifyAuditAsync([anchor])).IsIntact.ShouldBeTrue();

        // Truncate the tail and move the head back to the new last record: the chain alone still verifies.
        var third = (await QueryRawAsync("SELECT hash FROM audit_log WHERE sequence = 3")).Single();
        await ExecuteRawAsync("DELETE FROM audit_log WHERE sequence > 3");
        await ExecuteRawAsync($"UPDATE audit_head SET sequence = 3, hash = '{third}'");
        (await VerifyAsync()).IsIntact.ShouldBeTrue();

        var verification = await Store.VerifyAuditAsync([anchor]);
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(4);
        verification.Problem.ShouldNotBeNull().ShouldContain("records 4..5 were deleted");
    }

    [Fact]
    public async Task An_anchor_catches_a_chain_rewritten_from_before_it()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Store.AppendAuditAsync(Entry(i));
        }
        var head = (await Store.ReadAuditHeadAsync()).ShouldNotBeNull();
        var forgedAnchor = new AuditAnchor(head.Sequence, "sha256:" + new string('0', 64), T0);

        var verification = await Store.VerifyAuditAsync([forgedAnchor]);

        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(3);
        verification.Problem.ShouldNotBeNull().ShouldContain("is not the record anchored");
    }
}
