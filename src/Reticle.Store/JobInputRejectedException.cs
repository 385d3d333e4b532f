namespace Reticle.Store;

/// <summary>A job's inputs are refused (an input key used twice); nothing of the job was stored or queued.</summary>
public sealed class JobInputRejectedException(long line, string problem) : Exception(problem)
{
    /// <summary>The line of the input that was refused.</summary>
    public long Line { get; } = line;
}
