using System.Collections.Immutable;

namespace Reticle.Licensing;

/// <summary>Which licence line covers a transaction, if any, and why the others looked at do not.</summary>
public sealed record LicenseCoverageResult(CoveringLicense? Cover, ImmutableArray<LicenseConsidered> Considered)
{
    public bool Covered => Cover is not null;
}
