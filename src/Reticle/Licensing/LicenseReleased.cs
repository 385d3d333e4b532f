using NodaTime;
using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>A reservation given back (the order was cancelled or shipped), up to what that order still holds.</summary>
public sealed record LicenseReleased(string LicenseId, int Line, decimal Quantity, Money? Value, string Reference, LocalDate Effective, LocalDate Announced)
    : LicenseUse(LicenseId, Line, Quantity, Value, Reference, Effective, Announced);
