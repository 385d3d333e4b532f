namespace Reticle.Store;

/// <summary>The states of a job (CONTRACT §8), as stored and as the wire spells them.</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Whether a job in <paramref name="status"/> has ended (no shard of it runs or lands again).</summary>
    public static bool HasEnded(string status) => status is Completed or Failed or Cancelled;
}
