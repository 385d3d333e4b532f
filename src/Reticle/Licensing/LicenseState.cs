using System.Collections.Immutable;
using NodaTime;

namespace Reticle.Licensing;

/// <summary>
/// A licence on <see cref="Date"/> as known at <see cref="KnownAt"/> (<c>null</c>: everything
/// recorded): the terms in force, its status, and per line what is used and left.
/// </summary>
public sealed record LicenseState
{
    public required License Terms { get; init; }
    public required LicenseStatus Status { get; init; }
    public required LocalDate Date { get; init; }
    public LocalDate? KnownAt { get; init; }
    public required ImmutableArray<LicenseLineState> Lines { get; init; }

    /// <summary>The revocation of the whole licence in effect on the date, if any.</summary>
    public LicenseRevoked? Revocation { get; init; }

    /// <summary>Revocations for one party in effect on the date: the licence no longer covers acts involving them.</summary>
    public ImmutableArray<LicenseRevoked> PartyRevocations { get; init; } = [];

    /// <summary>Revocations known but effective after the date: worth a warning, they do not yet bite.</summary>
    public ImmutableArray<LicenseRevoked> PendingRevocations { get; init; } = [];

    public string Id => Terms.Id;
}
