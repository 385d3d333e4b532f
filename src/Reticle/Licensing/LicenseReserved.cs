using NodaTime;
using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>An order set quantity (and value) aside on the line; it stays taken until consumed by a shipment or released.</summary>
public sealed record LicenseReserved(string LicenseId, int Line, decimal Quantity, Money? Value, string Reference, LocalDate Effective, LocalDate Announced)
    : LicenseUse(LicenseId, Line, Quantity, Value, Reference, Effective, Announced);
