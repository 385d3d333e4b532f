namespace Reticle.Licensing;

/// <summary>A licence (or one of its lines) looked at for a transaction, and why it does not cover it.</summary>
/// <param name="Line">The line the reason is about; <c>null</c> when it is about the whole licence (expired, another destination…).</param>
public sealed record LicenseConsidered(string LicenseId, int? Line, string Reason)
{
    /// <summary>"NL-2023-0042 line 1: revoked from 2024-01-01 (announced 2024-01-01): …".</summary>
    public override string ToString() => $"{LicenseId}{(Line is { } n ? $" line {n}" : "")}: {Reason}";
}
