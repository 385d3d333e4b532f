using NodaTime;
using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>
/// A shipment used the line. A shipment of a reserved order is recorded as the release of the
/// reservation and a consumption, so that each event says one thing.
/// </summary>
public sealed record LicenseConsumed(string LicenseId, int Line, decimal Quantity, Money? Value, string Reference, LocalDate Effective, LocalDate Announced)
    : LicenseUse(LicenseId, Line, Quantity, Value, Reference, Effective, Announced);
