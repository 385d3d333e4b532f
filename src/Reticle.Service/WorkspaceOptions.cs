using NodaTime;

namespace Reticle.Service;

/// <summary>
/// What a host gives a workspace: where the data lives, where the bundled content is (to seed a fresh store), who acts
/// (for the audit records of seeding) and the clock. The command line fills it from its options and environment
/// variables, the API once at start, a job worker from its configuration.
/// </summary>
/// <param name="CacheDirectory">
/// Where what is derived from content is kept between calls (screening indexes, keyed by the snapshots they were built
/// from; see <see cref="ScreeningIndexCache"/>); null: nothing is kept, every call builds its own.
/// </param>
/// <param name="Notice">
/// Where the workspace says what it did on its own that the user should know of (a damaged cache file rebuilt); null: nowhere.
/// </param>
internal sealed record WorkspaceOptions(StoreOptions Store, string ContentDirectory, string Actor, IClock Clock, string? CacheDirectory = null,
    Action<string>? Notice = null);
