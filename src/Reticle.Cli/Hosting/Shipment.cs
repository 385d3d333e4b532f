using System.Text.Json.Nodes;
using Reticle.Licensing;
using Reticle.Store;

namespace Reticle.Cli.Hosting;

/// <summary>
/// What shipping an order did: the determination on the day of shipping (and its JSON as stored), whether it shipped,
/// the licence uses it drew, the audit record of the determination, the release it went under, or the hold it is under.
/// </summary>
internal sealed record Shipment(
    Determination.Determination Determination,
    JsonObject Result,
    bool Shipped,
    IReadOnlyList<LicenseEvent> Uses,
    long AuditSequence,
    StoredHold? ReleasedUnder,
    StoredHold? Held);
