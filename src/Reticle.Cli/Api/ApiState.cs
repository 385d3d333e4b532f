using NodaTime;
using Reticle.Catalog;
using Reticle.Determination;
using Reticle.Rules.Compilation;
using Reticle.Screening;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Api;

/// <summary>
/// What the server loads once at start: the opened store, the rule set, the catalogue and the screening
/// index. The index is replaced whole (never changed in place) after a list import through the API, and
/// when the store's current list snapshots differ from the loaded ones (an import through another node
/// or the command line), checked at most once per <see cref="ListCheckInterval"/>.
/// Licences, orders and holds are never kept here: every request reads them from the store, so any number
/// of nodes on one PostgreSQL database answer alike.
/// </summary>
internal sealed class ApiState : IAsyncDisposable
{
    /// <summary>
    /// How stale a node's lists may be after an import elsewhere. One cheap query (snapshot ids, no entries) per
    /// interval instead of one per request: a request that finds a change waits for the rebuild (about two seconds).
    /// </summary>
    public static readonly TimeSpan ListCheckInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _imports = new(1, 1);
    private volatile Loaded _screening;
    private readonly TimeProvider _elapsed;
    private long _listsCheckedAt;

    private ApiState(Workspace workspace, RuleSet rules, ItemCatalog catalog, Loaded screening, TimeProvider elapsed)
    {
        _elapsed = elapsed;
        Workspace = workspace;
        Rules = rules;
        Catalog = catalog;
        _screening = screening;
        Determinations = new DeterminationWriter(workspace.Store, workspace.Clock);
    }

    public Workspace Workspace { get; }
    public RuleSet Rules { get; }
    public ItemCatalog Catalog { get; }
    public IClock Clock => Workspace.Clock;

    /// <summary>Stores determinations with their audit records, committing concurrent requests together.</summary>
    public DeterminationWriter Determinations { get; }

    /// <summary>The screening index loaded last and the list versions determinations record (see <see cref="CurrentScreeningAsync"/>).</summary>
    public Loaded Screening => _screening;

    /// <summary>
    /// The screening index, first rebuilt if the store's current snapshots differ from the loaded ones (checked at
    /// most once per <see cref="ListCheckInterval"/> per node).
    /// </summary>
    public async Task<Loaded> CurrentScreeningAsync(CancellationToken cancellationToken)
    {
        // Elapsed time for a cache, not the business clock (which tests fix): a monotonic timestamp.
        var now = _elapsed.GetTimestamp();
        var last = Interlocked.Read(ref _listsCheckedAt);
        if ((last != 0 && _elapsed.GetElapsedTime(last, now) < ListCheckInterval) || Interlocked.CompareExchange(ref _listsCheckedAt, now, last) != last)
        {
            return _screening;
        }
        if (SameVersions(await StoredVersionsAsync(cancellationToken), _screening.Lists.Versions))
        {
            return _screening;
        }
        await _imports.WaitAsync(cancellationToken);
        try
        {
            // Another request may have rebuilt it while this one waited.
            var stored = await StoredVersionsAsync(cancellationToken);
            if (!SameVersions(stored, _screening.Lists.Versions))
            {
                await ReloadAsync(cancellationToken);
            }
            return _screening;
        }
        finally
        {
            _imports.Release();
        }
    }

    /// <summary>
    /// What a shipment is decided with: the loaded rules, catalogue and current screening index, and the licence book
    /// as it stands now (licences change on every node; a stale book would let two nodes draw the same unit).
    /// </summary>
    public async Task<DecisionBasis> BasisAsync(CancellationToken cancellationToken)
    {
        var screening = await CurrentScreeningAsync(cancellationToken);
        return screening.Basis with
        {
            Licenses = await LicensesAsync(cancellationToken),
            Ownership = await Workspace.LoadOwnershipAsync(null, screening.Lists, cancellationToken),
        };
    }

    // The book folded from every event is kept with the version of the book it was read at (IReticleStore.LicenseBookVersionAsync:
    // on PostgreSQL answered from notifications, with no query; it was a COUNT(*) per request, which held PostgreSQL to half of
    // SQLite's rate). The version is taken before the events, so a book read while another node appends is kept under the older
    // version and read again by the next request, never trusted stale.
    private volatile LicenseBookAtVersion? _licenses;

    private sealed record LicenseBookAtVersion(long Version, Licensing.LicenseBook Book);

    private async Task<Licensing.LicenseBook> LicensesAsync(CancellationToken cancellationToken)
    {
        var version = await Workspace.Store.LicenseBookVersionAsync(cancellationToken);
        if (_licenses is { } cached && cached.Version == version)
        {
            return cached.Book;
        }
        var book = await Workspace.LoadLicensesAsync(cancellationToken);
        _licenses = new LicenseBookAtVersion(version, book);
        return book;
    }

    /// <param name="Basis">Rules, catalogue and screen as loaded, with no licence book: each request reads the book as it stands.</param>
    public sealed record Loaded(Workspace.Screening Lists, DecisionBasis Basis)
    {
        public static Loaded Of(Workspace.Screening lists, RuleSet rules, ItemCatalog catalog) =>
            new(lists, DecisionBasis.Of(rules, catalog, lists.Index, lists.Versions, Licensing.LicenseBook.Empty));
    }

    public static async Task<ApiState> LoadAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var rules = await workspace.LoadRulesAsync(null, cancellationToken);
        var catalog = await workspace.LoadCatalogAsync(cancellationToken);
        var screening = await workspace.LoadScreeningAsync(null, cancellationToken);
        return new ApiState(workspace, rules, catalog, Loaded.Of(screening, rules, catalog), TimeProvider.System);
    }

    /// <summary>Runs list imports one at a time, then rebuilds the index from what the store holds.</summary>
    public async Task<T> ImportAsync<T>(Func<Task<(T Result, bool Changed)>> import, CancellationToken cancellationToken)
    {
        await _imports.WaitAsync(cancellationToken);
        try
        {
            var (result, changed) = await import();
            if (changed)
            {
                await ReloadAsync(cancellationToken);
            }
            return result;
        }
        finally
        {
            _imports.Release();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var screening = await Workspace.LoadScreeningAsync(null, cancellationToken);
        _screening = Loaded.Of(screening, Rules, Catalog);
    }

    // The versions the store's current snapshots would give, as Workspace.LoadScreeningAsync names them, read without entries.
    private async Task<IReadOnlyDictionary<string, string>> StoredVersionsAsync(CancellationToken cancellationToken) =>
        ListSnapshots.Versions(ListSnapshots.InUse(await Workspace.Store.GetListSnapshotsAsync(cancellationToken)));

    private static bool SameVersions(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> loaded) =>
        stored.Count == loaded.Count && stored.All(v => loaded.TryGetValue(v.Key, out var version) && version == v.Value);

    public async ValueTask DisposeAsync()
    {
        _imports.Dispose();
        await Determinations.DisposeAsync();
        await Workspace.DisposeAsync();
    }
}
