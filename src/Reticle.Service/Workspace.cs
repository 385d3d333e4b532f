using System.Collections.Immutable;
using NodaTime;
using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Matching;
using Reticle.Screening.Import;
using Reticle.Catalog;
using Reticle.Determination;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Store;
using Reticle.Store.Postgres;
using Reticle.Store.Sqlite;

namespace Reticle.Service;

/// <summary>
/// An opened store with its content: migrated, seeded with the bundled content it does not hold yet,
/// and able to build the rule set and catalogue the engine needs. The imperative shell around the core.
/// </summary>
internal sealed class Workspace : IAsyncDisposable
{
    private Workspace(IReticleStore store, WorkspaceOptions options, IReadOnlyList<ContentDocument> content)
    {
        Store = store;
        Options = options;
        _content = content;
        _cache = options.CacheDirectory is { Length: > 0 } folder ? new ScreeningIndexCache(folder) : null;
    }

    // The rule packs and catalogue documents held, as read (and completed) when the workspace was opened: read once.
    private readonly IReadOnlyList<ContentDocument> _content;

    private readonly ScreeningIndexCache? _cache;

    public IReticleStore Store { get; }
    public WorkspaceOptions Options { get; }
    public IClock Clock => Options.Clock;

    public static async Task<Workspace> OpenAsync(WorkspaceOptions options, CancellationToken cancellationToken)
    {
        IReticleStore store = options.Store.Postgres is { Length: > 0 } connectionString
            ? PostgresStore.Open(connectionString)
            : SqliteStore.Open(options.Store.EffectiveDataDirectory);
        try
        {
            await store.MigrateAsync(cancellationToken);
            // Written only when the bundled content holds a document (or a version of one) the store does not.
            var bundled = BundledContent.Read(options.ContentDirectory);
            var content = (await store.GetContentAsync(ContentKind.RulePack, cancellationToken))
                .Concat(await store.GetContentAsync(ContentKind.Catalog, cancellationToken))
                .ToList();
            var held = content.Select(d => (d.Kind, d.Name, d.Sha256)).ToHashSet();
            var missing = bundled.Where(d => !held.Contains((d.Kind, d.Name, d.Sha256))).ToList();
            if (missing.Count > 0)
            {
                await store.AddContentAsync(missing, options.Actor, options.Clock.GetCurrentInstant(), cancellationToken);
                // Added after everything held, as the store orders them: the newest import of each file is the one in use.
                content.AddRange(missing);
            }
            await SeedListsAsync(store, options, cancellationToken);
            return new Workspace(store, options, content);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// What was known at <paramref name="knownAt"/> (everything, if null), for <see cref="DecisionBasis.Decide(Model.Transaction, LocalDate?)"/>:
    /// the rules published by then, the catalogue, the list snapshots imported by the end of that day, and every licence
    /// event recorded (the engine counts those announced by the date).
    /// </summary>
    public async Task<DecisionBasis> LoadBasisAsync(LocalDate? knownAt, CancellationToken cancellationToken)
    {
        var rules = await LoadRulesAsync(knownAt, cancellationToken);
        var catalog = await LoadCatalogAsync(cancellationToken);
        var screening = await LoadScreeningAsync(knownAt is { } date ? DecisionBasis.ListsKnownBy(date) : null, cancellationToken);
        var licenses = await LoadLicensesAsync(cancellationToken);
        var ownership = await LoadOwnershipAsync(knownAt is { } day ? DecisionBasis.ListsKnownBy(day) : null, screening, cancellationToken);
        return DecisionBasis.Of(rules, catalog, screening.Index, screening.Versions, licenses) with { Ownership = ownership };
    }

    /// <summary>
    /// The same basis as <see cref="LoadBasisAsync(LocalDate?, CancellationToken)"/>, decided with <paramref name="rules"/> instead of the
    /// stored rules as known at the date (what-if: the rules with draft packs). Without a date, <paramref name="listsHeldAt"/>
    /// (if given) bounds the list and ownership imports instead: a job pins what its submitter saw.
    /// </summary>
    public async Task<DecisionBasis> LoadBasisAsync(LocalDate? knownAt, RuleSet rules, CancellationToken cancellationToken, Instant? listsHeldAt = null)
    {
        var importedBy = knownAt is { } date ? DecisionBasis.ListsKnownBy(date) : listsHeldAt;
        var catalog = await LoadCatalogAsync(cancellationToken);
        var screening = await LoadScreeningAsync(importedBy, cancellationToken);
        var licenses = await LoadLicensesAsync(cancellationToken);
        var ownership = await LoadOwnershipAsync(importedBy, screening, cancellationToken);
        return DecisionBasis.Of(rules, catalog, screening.Index, screening.Versions, licenses) with { Ownership = ownership };
    }

    /// <summary>The rule packs in use (the newest import of each pack file), read but not compiled: what-if compiles them with drafts.</summary>
    public IReadOnlyList<RulePack> LoadRulePacks()
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(Newest(_content.Where(d => d.Kind == ContentKind.RulePack)).Select(d => new RulePackSource(d.Name, d.Text)), errors);
        return errors.Count == 0 ? packs : throw new InvalidOperationException(
            "the stored rule packs do not validate:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    /// <summary>
    /// The ownership facts in use (the newest import of each ownership dataset by <paramref name="importedBy"/>, or every import
    /// if null), joined to the lists of <paramref name="screening"/>; null when no ownership snapshot is held then, or no list is
    /// known. Kept in memory by the snapshots it was built from, since resolving which owners are listed screens every owner.
    /// </summary>
    public async Task<Ownership.OwnershipScreen?> LoadOwnershipAsync(Instant? importedBy, Screening screening, CancellationToken cancellationToken)
    {
        var held = (await Store.GetOwnershipSnapshotsAsync(cancellationToken)).Where(s => importedBy is null || s.ImportedAt <= importedBy).ToList();
        if (held.Count == 0 || screening.Versions.IsEmpty)
        {
            return null;
        }
        var versions = held.GroupBy(s => s.Dataset, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Id)!)
            .ToImmutableSortedDictionary(s => s.Dataset, s => "sha256:" + s.Sha256, StringComparer.Ordinal);
        var key = ScreeningIndexCache.KeyOf(screening.Versions) + "|" + string.Join(",", versions.Select(v => $"{v.Key}={v.Value}"));
        lock (_ownership)
        {
            if (_ownership.FirstOrDefault(o => o.Key == key) is { Screen: { } known })
            {
                return known;
            }
        }
        var snapshots = await Store.GetCurrentOwnershipAsync(importedBy, cancellationToken: cancellationToken);
        var graph = Ownership.OwnershipGraph.Build(snapshots.SelectMany(s => Ownership.StakeJson.Read(s.StakesJson!)));
        var screen = new Ownership.OwnershipScreen(graph, screening.Index,
            snapshots.ToImmutableSortedDictionary(s => s.Dataset, s => "sha256:" + s.Sha256, StringComparer.Ordinal));
        lock (_ownership)
        {
            _ownership.Insert(0, (key, screen));
            if (_ownership.Count > IndexesKept)
            {
                _ownership.RemoveAt(IndexesKept);
            }
        }
        return screen;
    }

    private readonly List<(string Key, Ownership.OwnershipScreen Screen)> _ownership = [];

    /// <summary>The rule set as known on <paramref name="knownAt"/> (everything, if null), from the newest import of each pack file.</summary>
    public async Task<RuleSet> LoadRulesAsync(LocalDate? knownAt, CancellationToken cancellationToken)
    {
        var documents = Newest(_content.Where(d => d.Kind == ContentKind.RulePack));
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(documents.Select(d => new RulePackSource(d.Name, d.Text)), errors);
        var rules = errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors, knownAt) : null;
        return rules ?? throw new InvalidOperationException(
            "the stored rule packs do not validate:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    public async Task<ItemCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
    {
        var errors = new List<PackError>();
        var items = Newest(_content.Where(d => d.Kind == ContentKind.Catalog))
            .SelectMany(d => CatalogReader.Read(d.Name, d.Text, errors))
            .ToList();
        return errors.Count == 0 ? new ItemCatalog(items) : throw new InvalidOperationException(
            "the stored item catalogue does not validate:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    private static ImmutableSortedDictionary<string, string> VersionsOf(IReadOnlyList<StoredListSnapshot> snapshots) => ListSnapshots.Versions(snapshots);

    private static IReadOnlyList<ListEntry> EntriesOf(IReadOnlyList<StoredListSnapshot> snapshots) =>
        ListMerge.Entries(snapshots.Select(s => new ListSnapshot(s.Dataset, s.Format, s.Published, ListEntryJson.Read(s.EntriesJson!))));

    /// <summary>
    /// The lists in use (the newest import of each dataset by <paramref name="importedBy"/>, or every import if null), indexed
    /// for screening. Building takes seconds for the bundled lists, so an index is kept by the snapshots it was built from: in
    /// memory (impact analysis asks for the lists known at two dates, usually the same snapshots, and the server asks again
    /// for those it holds) and on disk (<see cref="ScreeningIndexCache"/>, so that the next one-shot command loads it).
    /// </summary>
    public async Task<Screening> LoadScreeningAsync(Instant? importedBy, CancellationToken cancellationToken)
    {
        // Which snapshots are in use is read without their entries (as GetCurrentListsAsync chooses them: the newest
        // import of each dataset by that instant); the entries are read only when no index of them is at hand.
        var held = await Store.GetListSnapshotsAsync(cancellationToken);
        var versions = VersionsOf([.. ListSnapshots.InUse(held.Where(s => importedBy is null || s.ImportedAt <= importedBy))]);
        var key = ScreeningIndexCache.KeyOf(versions);
        lock (_indexes)
        {
            if (_indexes.FirstOrDefault(i => i.Key == key) is { Index: { } known })
            {
                return new Screening(known, versions);
            }
        }
        if ((versions.IsEmpty ? null : _cache?.Load(key, Options.Notice)) is not { } index)
        {
            (index, versions, key) = await BuildIndexAsync(importedBy, versions, key, cancellationToken);
        }
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

    private async Task<(ScreeningIndex Index, ImmutableSortedDictionary<string, string> Versions, string Key)> BuildIndexAsync(Instant? importedBy, ImmutableSortedDictionary<string, string> versions, string key,
        CancellationToken cancellationToken)
    {
        var snapshots = await Store.GetCurrentListsAsync(importedBy, cancellationToken: cancellationToken);
        if (!VersionsOf(snapshots).SequenceEqual(versions))
        {
            // A list was imported between the two reads: build what is current, and keep it under its own key.
            versions = VersionsOf(snapshots);
            key = ScreeningIndexCache.KeyOf(versions);
        }
        var index = ScreeningIndex.Build(EntriesOf(snapshots));
        if (!versions.IsEmpty)
        {
            _cache?.Save(key, index);
        }
        return (index, versions, key);
    }

    // An index holds about 70 MB for the bundled lists: two are enough for "before" and "after".
    private const int IndexesKept = 2;

    private readonly List<(string Key, ScreeningIndex Index)> _indexes = [];

    public sealed record Screening(ScreeningIndex Index, ImmutableSortedDictionary<string, string> Versions);

    /// <summary>Every licence event recorded, as a book; what was known when is decided by each event's announcement date.</summary>
    public async Task<Licensing.LicenseBook> LoadLicensesAsync(CancellationToken cancellationToken) =>
        Licensing.LicenseBook.From((await Store.GetLicenseEventsAsync(cancellationToken)).Select(e => e.Event));

    /// <summary>Today, in UTC, from the environment's clock: the default for "as of" and "announced".</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InUtc().Date;

    // Datasets the store has never held are imported from the bundled snapshots; one already held is left
    // alone, whatever its date, because someone imported it on purpose.
    private static async Task SeedListsAsync(IReticleStore store, WorkspaceOptions options, CancellationToken cancellationToken)
    {
        var bundled = BundledLists.Read(options.ContentDirectory);
        if (bundled.Count == 0)
        {
            return;
        }
        var held = (await store.GetListSnapshotsAsync(cancellationToken)).Select(s => s.Dataset).ToHashSet(StringComparer.Ordinal);
        foreach (var list in bundled.Where(l => !held.Contains(l.Dataset)))
        {
            try
            {
                if ((await ListImports.ImportAsync(store, list.Format, list.Load(), options.Actor, options.Clock.GetCurrentInstant(), cancellationToken)).Refusal is { } refusal)
                {
                    throw new InvalidOperationException($"the bundled list {list.Dataset} does not import:{Environment.NewLine}{string.Join(Environment.NewLine, refusal.Problems)}");
                }
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
