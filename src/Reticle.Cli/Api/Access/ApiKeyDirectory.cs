using System.Collections.Concurrent;
using NodaTime;
using Reticle.Store;
using Reticle.Service.Access;

namespace Reticle.Cli.Api.Access;

/// <summary>
/// Finds the key a request presents. A key found is remembered by hash for <see cref="ApiKeys.RecheckAfter"/> only, so a key
/// revoked (or deleted) through any node, or the command line, is refused by every node within that time; an unknown
/// key is looked up every time. Each recheck of a valid key also notes its last use (kept to the minute).
/// </summary>
internal sealed class ApiKeyDirectory(IReticleStore store, IClock clock)
{
    private readonly ConcurrentDictionary<string, (ApiKeyDocument Key, long CheckedAt)> _known = new(StringComparer.Ordinal);

    /// <summary>The valid key presented, or <c>null</c> when it is unknown or revoked.</summary>
    public async Task<ApiKeyDocument?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        var now = Environment.TickCount64;
        if (_known.TryGetValue(hash, out var known) && now - known.CheckedAt < ApiKeys.RecheckAfter.TotalMilliseconds)
        {
            return known.Key;
        }
        var found = await store.FindApiKeyAsync(hash, cancellationToken);
        if (found is null || found.IsRevoked)
        {
            _known.TryRemove(hash, out _);
            return null;
        }
        _known[hash] = (found, now);
        // Last use is kept to the minute: only a key not marked in the last minute costs a write.
        var at = clock.GetCurrentInstant();
        if (found.LastUsedAt is not { } used || at - used >= Duration.FromMinutes(1))
        {
            await store.MarkApiKeyUsedAsync(hash, at, cancellationToken);
        }
        return found;
    }
}
