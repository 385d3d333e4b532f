using NodaTime;

namespace Reticle.Licensing;

/// <summary>
/// Something that happened to a licence. Every event has two dates: <see cref="Effective"/>, when
/// the act takes effect (a revocation "from 1 January 2024"), and <see cref="Announced"/>, when it
/// became known. A state "as known at K" uses only the events announced on or before K.
/// </summary>
public abstract record LicenseEvent(string LicenseId, LocalDate Effective, LocalDate Announced)
{
    public bool KnownAt(LocalDate? knownAt) => knownAt is not { } k || Announced <= k;
}
