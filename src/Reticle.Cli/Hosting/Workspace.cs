using System.Collections.Immutable;
using NodaTime;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Matching;
using Reticle.Screening.Import;
using Reticle.Catalog;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Store;
using Reticle.Store.Postgres;
using Reticle.Store.Sqlite;

namespace Reticle.Cli.Hosting;

/// <summary>
/// An opened store with its content: migrated, seeded with the bundled content it does not hold yet,
/// and able to build the rule set and catalogue the engine needs. The imperative shell around the core.
/// </summary>
internal sealed class Workspace : IAsyncDisposable
{
    private Workspace(IReticleStore store, CliEnvironment env)
    {
        Store = store;
        Env = env;
    }

    public IReticleStore Store { get; }
    public CliEnvironment Env { get; }

    public static async Task<Workspace> OpenAsync(StoreOptions options, CliEnvironment env, CancellationToken cancellationToken)
    {
        IReticleStore store = options.Postgres is { Length: > 0 } connectionString
            ? PostgresStore.Open(connectionString)
            : SqliteStore.Open(options.EffectiveDataDirectory);
        try
        {
            await store.MigrateAsync(cancellationToken);
            var bundled = BundledContent.Read(BundledContent.Directory(env));
            var held = (await store.GetContentAsync(ContentKind.RulePack, cancellationToken))
                .Concat(await store.GetContentAsync(ContentKind.Catalog, cancellationToken))
                .Select(d => (d.Kind, d.Name, d.Sha256))
                .ToHashSet();
            var missing = bundled.Where(d => !held.Contains((d.Kind, d.Name, d.Sha256))).ToList();
            if (missing.Count > 0)
            {
                await store.AddContentAsync(missing, env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
            }
            await SeedListsAsync(store, env, cancellationToken);
            return new Workspace(store, env);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rule set as known on <paramref name="knownAt"/> (everything, if null), from the newest import of each pack file.</summary>
    public async Task<RuleSet> LoadRulesAsync(LocalDate? knownAt, CancellationToken cancellationToken)
    {
        var documents = Newest(await Store.GetContentAsync(ContentKind.RulePack, cancellationToken));
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(documents.Select(d => new RulePackSource(d.Name, d.Text)), errors);
        var rules = errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors, knownAt) : null;
        return rules ?? throw new InvalidOperationException(
            "the stored rule packs do not validate:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    public async Task<ItemCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
    {
        var errors = new List<PackError>();
        var items = Newest(await Store.GetContentAsync(ContentKind.Catalog, cancellationToken))
            .SelectMany(d => CatalogReader.Read(d.Name, d.Text, errors))
            .ToList();
        return errors.Count == 0 ? new ItemCatalog(items) : throw new InvalidOperationException(
            "the stored item catalogue does not validate:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    /// <summary>
    /// The list snapshots in use (the newest of each dataset imported by <paramref name="importedBy"/>, or
    /// every import if null), with their versions as determinations record them (dataset: sha256 of the source).
    /// </summary>
    public async Task<ScreeningLists> LoadListsAsync(Instant? importedBy, CancellationToken cancellationToken)
    {
        var snapshots = await Store.GetCurrentListsAsync(importedBy, cancellationToken: cancellationToken);
        return new ScreeningLists(EntriesOf(snapshots), VersionsOf(snapshots));
    }

    private static ImmutableSortedDictionary<string, string> VersionsOf(IReadOnlyList<StoredListSnapshot> snapshots) =>
        snapshots.ToImmutableSortedDictionary(s => s.Dataset, s => "sha256:" + s.Sha256, StringComparer.Ordinal);

    private static IReadOnlyList<ListEntry> EntriesOf(IReadOnlyList<StoredListSnapshot> snapshots) =>
        ListMerge.Entries(snapshots.Select(s => new ListSnapshot(s.Dataset, s.Format, s.Published, ListEntryJson.Read(s.EntriesJson!))));

    /// <summary>
    /// The lists in use, indexed for screening. Building takes about two seconds for the bundled lists on this
    /// machine, so the last few indexes are kept by the snapshots they were built from: impact analysis asks for
    /// the lists known at two dates, usually the same snapshots, and the server asks again for those it holds.
    /// </summary>
    public async Task<Screening> LoadScreeningAsync(Instant? importedBy, CancellationToken cancellationToken)
    {
        var snapshots = await Store.GetCurrentListsAsync(importedBy, cancellationToken: cancellationToken);
        var versions = VersionsOf(snapshots);
        var key = string.Join(";", versions.Select(v => $"{v.Key}={v.Value}"));
        lock (_indexes)
        {
            if (_indexes.FirstOrDefault(i => i.Key == key) is { Index: { } known })
            {
                // The snapshots' entries are parsed only when an index has to be built from them.
                return new Screening(known, versions);
            }
        }
        var index = ScreeningIndex.Build(EntriesOf(snapshots));
        lock (_indexes)
        {
            _indexes.Insert(0, (key, index));
            if (_indexes.Count > IndexesKept)
            {
                _indexes.RemoveAt(IndexesKept);
            }
        }
        return new Screening(index, versions);
    }

    // An index holds about 70 MB for the bundled lists: two are enough for "before" and "after".
    private const int IndexesKept = 2;

    private readonly List<(string Key, ScreeningIndex Index)> _indexes = [];

    public sealed record Screening(ScreeningIndex Index, ImmutableSortedDictionary<string, string> Versions);

    /// <summary>Every licence event recorded, as a book; what was known when is decided by each event's announcement date.</summary>
    public async Task<Licensing.LicenseBook> LoadLicensesAsync(CancellationToken cancellationToken) =>
        Licensing.LicenseBook.From((await Store.GetLicenseEventsAsync(cancellationToken)).Select(e => e.Event));

    /// <summary>Today, in UTC, from the environment's clock: the default for "as of" and "announced".</summary>
    public LocalDate Today => Env.Clock.GetCurrentInstant().InUtc().Date;

    // Datasets the store has never held are imported from the bundled snapshots; one already held is left
    // alone, whatever its date, because someone imported it on purpose.
    private static async Task SeedListsAsync(IReticleStore store, CliEnvironment env, CancellationToken cancellationToken)
    {
        var bundled = BundledLists.Read(BundledContent.Directory(env));
        if (bundled.Count == 0)
        {
            return;
        }
        var held = (await store.GetListSnapshotsAsync(cancellationToken)).Select(s => s.Dataset).ToHashSet(StringComparer.Ordinal);
        foreach (var list in bundled.Where(l => !held.Contains(l.Dataset)))
        {
            try
            {
                await ListImports.ImportAsync(store, list.Format, list.Load(), env.Actor, env.Clock.GetCurrentInstant(), cancellationToken);
            }
            catch (InputRejectedException e)
            {
                throw new InvalidOperationException($"the bundled list {list.Dataset} does not import:{Environment.NewLine}{e.Message}", e);
            }
            catch (ConcurrentImportException)
            {
                // Another process seeded the same dataset at the same moment: it is held now, which is all we wanted.
            }
        }
    }

    // The store keeps every version it was given; the newest import of each file is the one in use.
    private static IEnumerable<ContentDocument> Newest(IEnumerable<ContentDocument> documents) =>
        documents.GroupBy(d => d.Name, StringComparer.Ordinal).Select(g => g.Last());

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
