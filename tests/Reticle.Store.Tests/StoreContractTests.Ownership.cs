using System.Data.Common;
using NodaTime;

namespace Reticle.Store.Tests;

/// <summary>Ownership snapshots in the store contract: kept whole per import and audited, as list snapshots are.</summary>
public abstract partial class StoreContractTests
{
    private static OwnershipSnapshotDocument Owners(string dataset, string sha, long? replaces) =>
        new(dataset, "csv", sha, 1, $$"""[{"owner":"X {{sha}}"}]""", """{"stakes":1,"added":1,"removed":0}""", replaces);

    [Fact]
    public async Task An_ownership_snapshot_reads_back_with_its_stakes_and_audit_record()
    {
        var stored = await Store.AddOwnershipSnapshotAsync(Owners("registers", "a", null), "importer", T0);

        stored.ShouldNotBeNull();
        var current = (await Store.GetCurrentOwnershipAsync()).ShouldHaveSingleItem();
        (current.Id, current.Dataset, current.Format, current.StakeCount, current.ImportedAt).ShouldBe((stored.Id, "registers", "csv", 1, T0));
        current.StakesJson.ShouldBe("""[{"owner":"X a"}]""");
        var audit = (await ReadAuditAsync()).ShouldHaveSingleItem();
        audit.Kind.ShouldBe("ownership.imported");
        audit.Sequence.ShouldBe(current.AuditSequence);
        audit.Payload.ShouldContain("\"dataset\":\"registers\"");
    }

    [Fact]
    public async Task Ownership_known_at_an_instant_is_the_newest_import_of_each_dataset_by_then()
    {
        var first = await Store.AddOwnershipSnapshotAsync(Owners("registers", "a", null), "importer", T0);
        var gleif = await Store.AddOwnershipSnapshotAsync(Owners("gleif", "g", null), "importer", T0 + Duration.FromDays(1));
        var second = await Store.AddOwnershipSnapshotAsync(Owners("registers", "b", first!.Id), "importer", T0 + Duration.FromDays(2));

        (await Store.GetCurrentOwnershipAsync()).Select(s => s.Id).ShouldBe([gleif!.Id, second!.Id]);
        (await Store.GetCurrentOwnershipAsync(T0 + Duration.FromDays(1))).Select(s => s.Id).ShouldBe([gleif.Id, first.Id]);
        (await Store.GetCurrentOwnershipAsync(T0 - Duration.FromSeconds(1))).ShouldBeEmpty();
        (await Store.GetOwnershipSnapshotsAsync()).Select(s => s.Id).ShouldBe([first.Id, gleif.Id, second.Id]);
        (await Store.GetOwnershipSnapshotsAsync()).ShouldAllBe(s => s.StakesJson == null);
    }

    [Fact]
    public async Task Importing_identical_ownership_again_stores_nothing_and_a_stale_import_is_refused()
    {
        var first = await Store.AddOwnershipSnapshotAsync(Owners("registers", "a", null), "importer", T0);
        (await Store.AddOwnershipSnapshotAsync(Owners("registers", "a", first!.Id), "importer", T0 + Duration.FromHours(1))).ShouldBeNull();
        await Store.AddOwnershipSnapshotAsync(Owners("registers", "b", first.Id), "importer", T0 + Duration.FromHours(2));

        await Should.ThrowAsync<ConcurrentImportException>(() => Store.AddOwnershipSnapshotAsync(Owners("registers", "c", first.Id), "importer", T0 + Duration.FromHours(3)));

        (await Store.GetOwnershipSnapshotsAsync()).Count.ShouldBe(2);
        (await ReadAuditAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_ownership_import_stores_nothing_when_its_audit_record_cannot_be_written()
    {
        await Store.AppendAuditAsync(Entry(1));
        await ExecuteRawAsync(FailAuditAppendSql(2));

        await Should.ThrowAsync<DbException>(() => Store.AddOwnershipSnapshotAsync(Owners("registers", "a", null), "importer", T0));

        (await Store.GetOwnershipSnapshotsAsync()).ShouldBeEmpty();
    }
}
