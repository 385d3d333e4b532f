using System.Collections.Concurrent;
using Reticle.Store;
using Reticle.Service.Access;

namespace Reticle.Cli.Api.Access;

/// <summary>
/// Finds the key a request presents. Known keys are remembered by hash (keys are only ever added, by
/// <c>reticle keys create</c>, possibly while the server runs); an unknown key is looked up every time.
/// </summary>
internal sealed class ApiKeyDirectory(IReticleStore store)
{
    private readonly ConcurrentDictionary<string, ApiKeyDocument> _known = new(StringComparer.Ordinal);

    public async Task<ApiKeyDocument?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        if (_known.TryGetValue(hash, out var known))
        {
            return known;
        }
        var found = await store.FindApiKeyAsync(hash, cancellationToken);
        if (found is not null)
        {
            _known[hash] = found;
        }
        return found;
    }
}
