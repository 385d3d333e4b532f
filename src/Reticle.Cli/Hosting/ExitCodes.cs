namespace Reticle.Cli.Hosting;

/// <summary>The exit codes of CONTRACT §1.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Rejected = 1;
    public const int Usage = 2;
    public const int InternalFailure = 3;
}
