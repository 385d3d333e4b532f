using Reticle.Input;

namespace Reticle.Screening.Batch;

/// <summary>A batch screening file has a problem (<see cref="Error"/> names its file and line); nothing of it may be used.</summary>
public sealed class BatchRejectedException(InputError error) : Exception($"{error.Where}: {error.Message}")
{
    public InputError Error { get; } = error;
}
