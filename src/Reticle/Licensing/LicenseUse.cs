using NodaTime;
using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>
/// A use of a licence line by an order or shipment (<paramref name="Reference"/>, the transaction id).
/// </summary>
/// <remarks>
/// The quantity of a licence is a limit over its whole life, so a use draws the line down from the
/// moment it is known, whatever its <see cref="LicenseEvent.Effective"/> date: an order planned for
/// February may not be licensed on quantity that a January shipment recorded later has already taken.
/// </remarks>
public abstract record LicenseUse(string LicenseId, int Line, decimal Quantity, Money? Value, string Reference, LocalDate Effective, LocalDate Announced)
    : LicenseEvent(LicenseId, Effective, Announced);
