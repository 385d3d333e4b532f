using NodaTime;
using Reticle.Catalog;
using Reticle.Cli.Hosting;
using Reticle.Rules.Compilation;
using Reticle.Screening;

namespace Reticle.Cli.Api;

/// <summary>
/// What the server loads once at start: the opened store, the rule set, the catalogue and the screening
/// index. The index is replaced whole (never changed in place) after a list import through the API.
/// </summary>
internal sealed class ApiState : IAsyncDisposable
{
    private readonly SemaphoreSlim _imports = new(1, 1);
    private volatile Loaded _screening;

    private ApiState(Workspace workspace, RuleSet rules, ItemCatalog catalog, Loaded screening)
    {
        Workspace = workspace;
        Rules = rules;
        Catalog = catalog;
        _screening = screening;
        Determinations = new DeterminationWriter(workspace.Store, workspace.Env.Clock);
    }

    public Workspace Workspace { get; }
    public RuleSet Rules { get; }
    public ItemCatalog Catalog { get; }
    public IClock Clock => Workspace.Env.Clock;

    /// <summary>Stores determinations with their audit records, committing concurrent requests together.</summary>
    public DeterminationWriter Determinations { get; }

    /// <summary>The screening index in use and the list versions determinations record.</summary>
    public Loaded Screening => _screening;

    public sealed record Loaded(Workspace.Screening Lists, PartyScreen PartyScreen);

    public static async Task<ApiState> LoadAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var rules = await workspace.LoadRulesAsync(null, cancellationToken);
        var catalog = await workspace.LoadCatalogAsync(cancellationToken);
        var screening = await workspace.LoadScreeningAsync(null, cancellationToken);
        return new ApiState(workspace, rules, catalog, new Loaded(screening, new PartyScreen(screening.Index, rules.ListsDecided)));
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
                var screening = await Workspace.LoadScreeningAsync(null, cancellationToken);
                _screening = new Loaded(screening, new PartyScreen(screening.Index, Rules.ListsDecided));
            }
            return result;
        }
        finally
        {
            _imports.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _imports.Dispose();
        await Determinations.DisposeAsync();
        await Workspace.DisposeAsync();
    }
}
