using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Audit;

namespace Reticle.Store.Tests;

/// <summary>
/// The store contract, checked on every provider. Each test runs on its own new, migrated database;
/// each difference between providers is an override below, documented where it is implemented.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 7, 23, 10, 15, 0);

    /// <summary>The database the test's <see cref="Store"/> works on (a folder or a connection string).</summary>
    protected string Database { get; private set; } = "";

    protected IReticleStore Store { get; private set; } = null!;

    /// <summary>Creates a new, empty database and returns what <see cref="OpenStore"/> needs to reach it.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>A new store instance over <paramref name="database"/>, with connections of its own.</summary>
    protected abstract IReticleStore OpenStore(string database);

    /// <summary>Removes every database this test created.</summary>
    protected abstract Task DeleteDatabasesAsync();

    /// <summary>An open connection to the test's database that is not the store's, to work behind its back.</summary>
    protected abstract Task<DbConnection> OpenRawConnectionAsync();

    /// <summary>A query listing every table, column and index, to compare schemas.</summary>
    protected abstract string DescribeSchemaSql { get; }

    /// <summary>SQL installing a trigger that makes inserting audit record <paramref name="sequence"/> fail.</summary>
    protected abstract string FailAuditAppendSql(long sequence);

    /// <summary>SQL removing the trigger <see cref="FailAuditAppendSql"/> installed.</summary>
    protected abstract string StopFailingAuditAppendsSql { get; }

    /// <summary>Runs SQL on the test's database behind the store's back, as someone tampering with it would.</summary>
    protected async Task ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query on the test's database and returns its first column as text.</summary>
    protected async Task<IReadOnlyList<string>> QueryRawAsync(string sql)
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }
        return values;
    }

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Store = OpenStore(Database);
        await Store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
        await DeleteDatabasesAsync();
    }

    // ---- Migrations ----------------------------------------------------------------------------

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await Store.AddContentAsync([Document("us/ear.yaml", "rules: []")], "tester", T0);
        var schema = await QueryRawAsync(DescribeSchemaSql);
        var migrations = await QueryRawAsync("SELECT version || ' ' || name FROM schema_migrations ORDER BY version");

        await Store.MigrateAsync();
        await using (var another = OpenStore(Database))
        {
            await another.MigrateAsync();
        }

        (await QueryRawAsync(DescribeSchemaSql)).ShouldBe(schema);
        (await QueryRawAsync("SELECT version || ' ' || name FROM schema_migrations ORDER BY version")).ShouldBe(migrations);
        migrations.ShouldBe(["1 initial", "2 list_snapshots", "3 license_events", "4 orders", "5 holds", "6 api_keys", "7 api_key_revocation", "8 jobs", "9 ownership_snapshots", "10 lz4_compression"]);
        (await Store.GetContentAsync(ContentKind.RulePack)).Count.ShouldBe(1);
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Migrating_from_many_processes_at_once_applies_each_migration_once()
    {
        var database = await CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore(database)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));

            (await stores[0].AppendAuditAsync(Entry(1))).Sequence.ShouldBe(1);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    // ---- Content -------------------------------------------------------------------------------

    [Fact]
    public async Task A_new_store_has_no_content_and_an_empty_audit_chain()
    {
        (await Store.GetContentAsync(ContentKind.RulePack)).ShouldBeEmpty();
        (await Store.ReadAuditHeadAsync()).ShouldBeNull();
        (await ReadAuditAsync()).ShouldBeEmpty();
        (await VerifyAsync()).ShouldBe(AuditVerification.Intact(0));
    }

    [Fact]
    public async Task Content_reads_back_exactly_as_imported()
    {
        // Line endings, trailing blanks, non-ASCII and astral characters must survive byte for byte.
        var text = "pack: nl\r\nname: Dual-use — Verordening (EU) 2021/821  \n  note: \"ü 𝔸 ✓\"\n\ttab\n";
        var document = Document("nl/dual-use.yaml", text);

        await Store.AddContentAsync([document], "tester", T0 + Duration.FromTicks(1234567));

        var stored = (await Store.GetContentAsync(ContentKind.RulePack)).ShouldHaveSingleItem();
        stored.ShouldBe(document with { ImportedAt = (await ReadAuditAsync()).Single().At });
        stored.Text.ShouldBe(text);
        stored.ImportedAt.ShouldBe(T0 + Duration.FromTicks(1234560)); // as the audit chain keeps it: microseconds
    }

    [Fact]
    public async Task Content_is_listed_by_kind_oldest_import_first()
    {
        await Store.AddContentAsync([Document("b.yaml", "second")], "tester", T0 + Duration.FromHours(1));
        await Store.AddContentAsync([Document("a.yaml", "first")], "tester", T0);
        await Store.AddContentAsync([Document("items.csv", "id,name", ContentKind.Catalog)], "tester", T0);

        (await Store.GetContentAsync(ContentKind.RulePack)).Select(d => d.Name).ShouldBe(["a.yaml", "b.yaml"]);
        (await Store.GetContentAsync(ContentKind.Catalog)).Select(d => d.Name).ShouldBe(["items.csv"]);
    }

    [Fact]
    public async Task Adding_the_same_content_twice_stores_it_once()
    {
        var document = Document("us/ear.yaml", "rules: []");

        (await Store.AddContentAsync([document, document], "tester", T0)).ShouldBe(1);
        (await Store.AddContentAsync([document], "tester", T0 + Duration.FromMinutes(1))).ShouldBe(0);

        (await Store.GetContentAsync(ContentKind.RulePack)).ShouldHaveSingleItem().ImportedAt.ShouldBe(T0);
        (await ReadAuditAsync()).ShouldHaveSingleItem(); // adding nothing writes no audit record
    }

    [Fact]
    public async Task Content_import_audits_only_what_it_added()
    {
        var held = Document("us/ear.yaml", "rules: []");
        await Store.AddContentAsync([held], "importer", T0);
        var added = Document("eu/annex-i.yaml", "rules: [1]");

        (await Store.AddContentAsync([held, added], "importer", T0 + Duration.FromMinutes(1))).ShouldBe(1);

        var record = (await ReadAuditAsync()).Last();
        record.Kind.ShouldBe("content.imported");
        record.Actor.ShouldBe("importer");
        JsonNode.DeepEquals(JsonNode.Parse(record.Payload), JsonNode.Parse(
            $$"""{"documents":[{"kind":"rule-pack","name":"eu/annex-i.yaml","sha256":"{{added.Sha256}}"}]}""")).ShouldBeTrue(record.Payload);
    }

    [Fact]
    public async Task A_changed_document_is_kept_beside_its_earlier_version()
    {
        await Store.AddContentAsync([Document("us/ear.yaml", "version: 1")], "tester", T0);
        await Store.AddContentAsync([Document("us/ear.yaml", "version: 2")], "tester", T0 + Duration.FromDays(1));

        (await Store.GetContentAsync(ContentKind.RulePack)).Select(d => d.Text).ShouldBe(["version: 1", "version: 2"]);
    }

    [Fact]
    public async Task Content_import_is_all_or_nothing()
    {
        // The third document claims a checksum its text does not have: the whole batch is refused,
        // including the two valid documents before it.
        var batch = new[]
        {
            Document("us/ear.yaml", "rules: []"),
            Document("eu/annex-i.yaml", "rules: [1]"),
            Document("nl/wet.yaml", "rules: [2]") with { Text = "rules: [2, edited after hashing]" },
        };

        var error = await Should.ThrowAsync<ArgumentException>(() => Store.AddContentAsync(batch, "tester", T0));

        error.Message.ShouldContain("nl/wet.yaml");
        (await Store.GetContentAsync(ContentKind.RulePack)).ShouldBeEmpty();
        (await Store.ReadAuditHeadAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Content_import_stores_nothing_when_its_audit_record_cannot_be_written()
    {
        await Store.AppendAuditAsync(Entry(1));
        await ExecuteRawAsync(FailAuditAppendSql(2));

        await Should.ThrowAsync<DbException>(() => Store.AddContentAsync(
            [Document("us/ear.yaml", "rules: []"), Document("eu/annex-i.yaml", "rules: [1]")], "tester", T0));

        (await Store.GetContentAsync(ContentKind.RulePack)).ShouldBeEmpty();
        (await Store.ReadAuditHeadAsync())!.Value.Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_imports_of_the_same_content_store_it_once()
    {
        var document = Document("us/ear.yaml", "rules: []");
        var stores = Enumerable.Range(0, 6).Select(_ => OpenStore(Database)).ToList();
        try
        {
            var added = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.AddContentAsync([document], $"importer-{i}", T0))));

            added.Sum().ShouldBe(1);
            (await Store.GetContentAsync(ContentKind.RulePack)).ShouldHaveSingleItem();
            (await ReadAuditAsync()).ShouldHaveSingleItem();
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    // ---- Determinations ------------------------------------------------------------------------

    [Fact]
    public async Task Determinations_are_stored_with_their_audit_records()
    {
        await Store.AppendAuditAsync(Entry(1));
        var at = T0 + Duration.FromTicks(98765); // sub-microsecond: the store keeps what the chain keeps
        var first = Determination("tx-42", "licence-required") with { KnownAt = new LocalDate(2026, 7, 1) };
        var second = Determination("tx-42", "no-licence-required");

        var records = await Store.RecordDeterminationsAsync([first, second], "analyst@example.com", at);

        records.Select(r => r.Sequence).ShouldBe([2L, 3L]);
        records.ShouldAllBe(r => r.Kind == "determination" && r.Actor == "analyst@example.com");
        (await ReadAuditAsync()).Skip(1).ShouldBe(records);

        var stored = await Store.GetDeterminationsAsync("tx-42");
        stored.ShouldBe([
            first with { AuditSequence = 2, RecordedAt = records[0].At },
            second with { AuditSequence = 3, RecordedAt = records[1].At },
        ]);
        stored[0].InputJson.ShouldBe(first.InputJson); // the exact text, white space included

        // The record seals the stored texts by their digests, in canonical form (keys sorted).
        records[0].Payload.ShouldBe(
            $$"""{"asOf":"2026-07-23","inputSha256":"{{Sha256(first.InputJson)}}","knownAt":"2026-07-01","outcome":"licence-required","resultSha256":"{{Sha256(first.ResultJson)}}","ruleSet":"sha256:rules","transaction":"tx-42"}""");
        JsonNode.Parse(records[1].Payload)!["knownAt"].ShouldBeNull();
        (await VerifyAsync()).ShouldBe(AuditVerification.Intact(3, determinations: 2));
    }

    [Fact]
    public async Task The_audit_chain_is_read_in_pages_after_a_sequence()
    {
        await Store.RecordDeterminationsAsync([Determination("tx-1"), Determination("tx-2"), Determination("tx-3"), Determination("tx-4"), Determination("tx-5")], "analyst", T0);

        var all = await ReadAuditAsync();
        (await Store.ReadAuditPageAsync(0, 2)).ShouldBe(all.Take(2));
        (await Store.ReadAuditPageAsync(2, 2)).ShouldBe(all.Skip(2).Take(2));
        (await Store.ReadAuditPageAsync(4, 100)).ShouldBe(all.Skip(4));
        (await Store.ReadAuditPageAsync(5, 100)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Determinations_are_returned_only_for_their_transaction()
    {
        await Store.RecordDeterminationsAsync([Determination("tx-1"), Determination("tx-2"), Determination("tx-1")], "analyst", T0);

        (await Store.GetDeterminationsAsync("tx-1")).Select(d => d.AuditSequence).ShouldBe([1L, 3L]);
        (await Store.GetDeterminationsAsync("tx-3")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_determination_with_malformed_json_is_refused_before_anything_is_written()
    {
        var malformed = Determination("tx-2") with { ResultJson = "{\"outcome\": " };

        var error = await Should.ThrowAsync<ArgumentException>(() =>
            Store.RecordDeterminationsAsync([Determination("tx-1"), malformed], "analyst", T0));

        error.Message.ShouldContain("tx-2");
        (await Store.GetDeterminationsAsync("tx-1")).ShouldBeEmpty();
        (await Store.ReadAuditHeadAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_failed_write_stores_nothing()
    {
        // The database refuses the second audit record of the batch, after the first determination and
        // its record were written in the same transaction: all of it must roll back.
        var before = await Store.AppendAuditAsync(Entry(1));
        await ExecuteRawAsync(FailAuditAppendSql(3));

        await Should.ThrowAsync<DbException>(() => Store.RecordDeterminationsAsync(
            [Determination("tx-1"), Determination("tx-1"), Determination("tx-1")], "analyst", T0));

        (await Store.GetDeterminationsAsync("tx-1")).ShouldBeEmpty();
        (await ReadAuditAsync()).ShouldBe([before]);
        (await Store.ReadAuditHeadAsync()).ShouldBe((before.Sequence, before.Hash));

        await ExecuteRawAsync(StopFailingAuditAppendsSql);
        (await Store.RecordDeterminationsAsync([Determination("tx-1")], "analyst", T0)).Single().Sequence.ShouldBe(2);
        (await VerifyAsync()).ShouldBe(AuditVerification.Intact(2, determinations: 1));
    }

    // ---- Audit chain ---------------------------------------------------------------------------

    [Fact]
    public async Task Audit_records_read_back_exactly_as_they_were_hashed()
    {
        var entry = new AuditEntry(T0 + Duration.FromTicks(1_234_567), "Zoë <zoe@example.com>", "licence.used",
            new JsonObject { ["quantity"] = 2.50m, ["note"] = "\"quoted\" — ✓ 𝔸", ["z"] = null, ["a"] = new JsonArray(1, 2) });

        var appended = await Store.AppendAuditAsync(entry);

        appended.At.ShouldBe(T0 + Duration.FromTicks(1_234_560));
        (await ReadAuditAsync()).ShouldBe([appended]);
        (await Store.ReadAuditHeadAsync()).ShouldBe((1L, appended.Hash));
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Audit_chain_verifies_after_many_appends()
    {
        for (var i = 1; i <= 150; i++)
        {
            await Store.AppendAuditAsync(Entry(i));
            if (i % 50 == 0)
            {
                await Store.RecordDeterminationsAsync([Determination($"tx-{i}"), Determination($"tx-{i}")], "analyst", T0);
                await Store.AddContentAsync([Document($"pack-{i}.yaml", $"rules: [{i}]")], "importer", T0);
            }
        }

        var records = await ReadAuditAsync();
        records.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, 159).Select(i => (long)i));
        (await Store.ReadAuditHeadAsync()).ShouldBe((159L, records[^1].Hash));
        (await VerifyAsync()).ShouldBe(AuditVerification.Intact(159, determinations: 6));
    }

    [Theory]
    [InlineData("actor = 'mallory'")]
    [InlineData("kind = 'test.harmless'")]
    [InlineData("payload = '{\"n\":999}'")]
    [InlineData("previous_hash = 'sha256:0000000000000000000000000000000000000000000000000000000000000001'")]
    [InlineData("hash = 'sha256:0000000000000000000000000000000000000000000000000000000000000001'")]
    public async Task Edited_audit_record_is_detected(string edit)
    {
        await AppendEntriesAsync(5);

        await ExecuteRawAsync($"UPDATE audit_log SET {edit} WHERE sequence = 3");

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(3);
    }

    [Theory]
    [InlineData(3)] // in the middle: a gap in the sequence
    [InlineData(5)] // the newest: only the separately kept head shows it
    public async Task Deleted_audit_record_is_detected(long sequence)
    {
        await AppendEntriesAsync(5);

        await ExecuteRawAsync($"DELETE FROM audit_log WHERE sequence = {sequence}");

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(sequence);
        verification.Problem.ShouldNotBeNull().ShouldContain("deleted");
    }

    [Fact]
    public async Task Reordered_audit_records_are_detected()
    {
        await AppendEntriesAsync(5);

        await ExecuteRawAsync("UPDATE audit_log SET sequence = -sequence WHERE sequence IN (2, 3)");
        await ExecuteRawAsync("UPDATE audit_log SET sequence = 3 WHERE sequence = -2");
        await ExecuteRawAsync("UPDATE audit_log SET sequence = 2 WHERE sequence = -3");

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadSequence.ShouldBe(2);
    }

    [Fact]
    public async Task Appending_after_the_newest_record_was_deleted_is_refused()
    {
        // Appending after what is left would reuse sequence 5 and hide the deletion.
        await AppendEntriesAsync(5);
        await ExecuteRawAsync("DELETE FROM audit_log WHERE sequence = 5");

        await Should.ThrowAsync<AuditChainBrokenException>(() => Store.AppendAuditAsync(Entry(6)));
        await Should.ThrowAsync<AuditChainBrokenException>(() => Store.RecordDeterminationsAsync([Determination("tx-1")], "analyst", T0));

        (await Store.GetDeterminationsAsync("tx-1")).ShouldBeEmpty();
        (await VerifyAsync()).IsIntact.ShouldBeFalse();
    }

    [Fact]
    public async Task Concurrent_appends_never_fork_the_chain()
    {
        const int writers = 8;
        const int appendsEach = 25;
        var stores = Enumerable.Range(0, writers).Select(_ => OpenStore(Database)).ToList();
        try
        {
            var appended = await Task.WhenAll(stores.Select((store, w) => Task.Run(async () =>
            {
                var records = new List<AuditRecord>();
                for (var i = 0; i < appendsEach; i++)
                {
                    records.Add(await store.AppendAuditAsync(new AuditEntry(T0, $"writer-{w}", "test.concurrent", new JsonObject { ["i"] = i })));
                }
                return records;
            })));

            appended.SelectMany(r => r).Select(r => r.Sequence).Order().ShouldBe(Enumerable.Range(1, writers * appendsEach).Select(i => (long)i));
            appended.ShouldAllBe(records => records.Select(r => r.Sequence).SequenceEqual(records.Select(r => r.Sequence).Order()));
            (await ReadAuditAsync()).ShouldBe(appended.SelectMany(r => r).OrderBy(r => r.Sequence));
            (await VerifyAsync()).ShouldBe(AuditVerification.Intact(writers * appendsEach));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    // ---- List snapshots ------------------------------------------------------------------------

    [Fact]
    public async Task A_list_snapshot_reads_back_with_its_entries_and_audit_record()
    {
        var stored = await Store.AddListSnapshotAsync(Snapshot("ofac-sdn", "a", null, new LocalDate(2024, 5, 3)), "importer", T0);

        stored.ShouldNotBeNull();
        var current = (await Store.GetCurrentListsAsync()).ShouldHaveSingleItem();
        current.Id.ShouldBe(stored.Id);
        current.Dataset.ShouldBe("ofac-sdn");
        current.Format.ShouldBe("ofac-csv");
        current.Published.ShouldBe(new LocalDate(2024, 5, 3));
        current.EntryCount.ShouldBe(2);
        current.EntriesJson.ShouldBe("""[{"id":"a1"},{"id":"a2"}]""");
        current.ImportedAt.ShouldBe(T0);
        var audit = (await ReadAuditAsync()).ShouldHaveSingleItem();
        audit.Kind.ShouldBe("list.imported");
        audit.Sequence.ShouldBe(current.AuditSequence);
        audit.Payload.ShouldContain("\"dataset\":\"ofac-sdn\"");
        audit.Payload.ShouldContain("\"added\":2");
    }

    [Fact]
    public async Task Importing_identical_list_files_again_stores_nothing()
    {
        var first = await Store.AddListSnapshotAsync(Snapshot("un", "a", null), "importer", T0);

        var again = await Store.AddListSnapshotAsync(Snapshot("un", "a", first!.Id), "importer", T0 + Duration.FromHours(1));

        again.ShouldBeNull();
        (await Store.GetListSnapshotsAsync()).ShouldHaveSingleItem();
        (await ReadAuditAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_newest_snapshot_of_each_dataset_is_in_use_and_older_ones_stay_known()
    {
        var un1 = await Store.AddListSnapshotAsync(Snapshot("un", "a", null), "importer", T0);
        await Store.AddListSnapshotAsync(Snapshot("bis-dpl", "d", null), "importer", T0 + Duration.FromDays(1));
        var un2 = await Store.AddListSnapshotAsync(Snapshot("un", "b", un1!.Id), "importer", T0 + Duration.FromDays(2));

        var current = await Store.GetCurrentListsAsync();
        current.Select(s => s.Dataset).ShouldBe(["bis-dpl", "un"]);
        current.Single(s => s.Dataset == "un").Id.ShouldBe(un2!.Id);
        (await Store.GetListSnapshotsAsync()).Select(s => s.Id).ShouldBe([un1.Id, current[0].Id, un2.Id]);
        (await Store.GetListSnapshotsAsync()).ShouldAllBe(s => s.EntriesJson == null);

        // What was known a day in: the first UN snapshot, and the DPL just imported.
        var knownThen = await Store.GetCurrentListsAsync(T0 + Duration.FromDays(1));
        knownThen.Select(s => (s.Dataset, s.Id)).ShouldBe([("bis-dpl", current[0].Id), ("un", un1.Id)]);
        (await Store.GetCurrentListsAsync(T0 - Duration.FromSeconds(1))).ShouldBeEmpty();
        (await Store.GetCurrentListsAsync(dataset: "un")).ShouldHaveSingleItem().Id.ShouldBe(un2.Id);
        (await Store.GetCurrentListsAsync(T0 + Duration.FromDays(1), "un")).ShouldHaveSingleItem().Id.ShouldBe(un1.Id);
        (await Store.GetCurrentListsAsync(dataset: "ofac-sdn")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Importing_an_older_snapshot_again_puts_it_back_in_use()
    {
        var may = await Store.AddListSnapshotAsync(Snapshot("ofac-sdn", "may", null), "importer", T0);
        var april = await Store.AddListSnapshotAsync(Snapshot("ofac-sdn", "april", may!.Id), "importer", T0 + Duration.FromHours(1));

        var mayAgain = await Store.AddListSnapshotAsync(Snapshot("ofac-sdn", "may", april!.Id), "importer", T0 + Duration.FromHours(2));

        mayAgain.ShouldNotBeNull();
        (await Store.GetCurrentListsAsync()).ShouldHaveSingleItem().Id.ShouldBe(mayAgain.Id);
        (await Store.GetListSnapshotsAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_list_import_prepared_against_a_superseded_snapshot_is_refused()
    {
        var first = await Store.AddListSnapshotAsync(Snapshot("un", "a", null), "importer", T0);
        await Store.AddListSnapshotAsync(Snapshot("un", "b", first!.Id), "importer", T0 + Duration.FromHours(1));

        var error = await Should.ThrowAsync<ConcurrentImportException>(() =>
            Store.AddListSnapshotAsync(Snapshot("un", "c", first.Id), "importer", T0 + Duration.FromHours(2)));

        error.Dataset.ShouldBe("un");
        (await Store.GetListSnapshotsAsync()).Count.ShouldBe(2);
        (await ReadAuditAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_list_import_stores_nothing_when_its_audit_record_cannot_be_written()
    {
        await Store.AppendAuditAsync(Entry(1));
        await ExecuteRawAsync(FailAuditAppendSql(2));

        await Should.ThrowAsync<DbException>(() => Store.AddListSnapshotAsync(Snapshot("un", "a", null), "importer", T0));

        (await Store.GetListSnapshotsAsync()).ShouldBeEmpty();
        (await Store.ReadAuditHeadAsync())!.Value.Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_imports_of_one_list_file_store_it_once()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => OpenStore(Database)).ToList();
        try
        {
            var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.AddListSnapshotAsync(Snapshot("un", "a", null), $"importer-{i}", T0))));

            results.Count(r => r is not null).ShouldBe(1);
            (await Store.GetListSnapshotsAsync()).ShouldHaveSingleItem();
            (await ReadAuditAsync()).ShouldHaveSingleItem();
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    // ---- Test data -----------------------------------------------------------------------------

    private static AuditEntry Entry(int n) =>
        new(T0 + Duration.FromSeconds(n), "tester", "test.event", new JsonObject { ["n"] = n });

    private async Task AppendEntriesAsync(int count)
    {
        for (var n = 1; n <= count; n++)
        {
            await Store.AppendAuditAsync(Entry(n));
        }
    }

    private static ListSnapshotDocument Snapshot(string dataset, string version, long? replaces, LocalDate? published = null) => new(
        dataset, "ofac-csv", published, "sha256-" + version, 2, $$"""[{"id":"{{version}}1"},{"id":"{{version}}2"}]""",
        """{"added":2,"removed":0,"changed":0}""", replaces);

    private static ContentDocument Document(string name, string text, ContentKind kind = ContentKind.RulePack) =>
        new(kind, name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), text);

    private static DeterminationRecord Determination(string transactionId, string outcome = "licence-required") => new(
        transactionId,
        new LocalDate(2026, 7, 23),
        null,
        outcome,
        "sha256:rules",
        """{ "item": "5A002.a",  "destination": "CN", "quantity": 1.50 }""",
        $$"""{"outcome": "{{outcome}}", "citations": ["15 CFR 742.15"]}""");

    private async Task<List<AuditRecord>> ReadAuditAsync()
    {
        var records = new List<AuditRecord>();
        await foreach (var record in Store.ReadAuditAsync())
        {
            records.Add(record);
        }
        return records;
    }

    private async Task<AuditVerification> VerifyAsync() => await Store.VerifyAuditAsync();

    private static string Sha256(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
