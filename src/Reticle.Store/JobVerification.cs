namespace Reticle.Store;

/// <summary>Completed jobs whose stored results were found to match their seal, and the first that did not (if any).</summary>
public sealed record JobVerification(long JobsVerified, string? FirstBadJob, string? Problem)
{
    public bool IsIntact => Problem is null;
}
