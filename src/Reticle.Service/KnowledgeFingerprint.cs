namespace Reticle.Service;

/// <summary>
/// What a hold's release relied on: the rule set, the list snapshots in use and how many licence events
/// were on record. The simplest sound rule: when any of it changes, the release lapses and the order is
/// decided, and held, again. (Conservative: an unrelated licence event lapses it too.)
/// </summary>
internal static class KnowledgeFingerprint
{
    public static string Of(string rulesHash, IEnumerable<KeyValuePair<string, string>> listVersions, int licenseEvents) =>
        $"rules {rulesHash}; lists {string.Join(", ", listVersions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"))}; licence events {licenseEvents}";

    /// <summary>The fingerprint of what the store holds now, read without building the screening index.</summary>
    public static async Task<string> CurrentAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var rules = await workspace.LoadRulesAsync(null, cancellationToken);
        var lists = ListSnapshots.Versions(ListSnapshots.InUse(await workspace.Store.GetListSnapshotsAsync(cancellationToken)));
        var licenses = (await workspace.Store.GetLicenseEventsAsync(cancellationToken)).Count;
        return Of(rules.Hash, lists, licenses);
    }
}
