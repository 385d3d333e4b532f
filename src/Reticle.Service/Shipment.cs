using Reticle.Licensing;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// What shipping an order did: the determination on the day of shipping (and its JSON text as stored and sealed), whether it shipped,
/// the licence uses it drew, the audit record of the determination, the release it went under, or the hold it is under.
/// </summary>
internal sealed record Shipment(
    Determination.Determination Determination,
    string ResultJson,
    bool Shipped,
    IReadOnlyList<LicenseEvent> Uses,
    long AuditSequence,
    StoredHold? ReleasedUnder,
    StoredHold? Held);
