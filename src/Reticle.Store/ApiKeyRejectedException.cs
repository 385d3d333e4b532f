namespace Reticle.Store;

/// <summary>A key operation refused by the store (no such key, or already revoked); nothing was written.</summary>
public sealed class ApiKeyRejectedException(string message, bool unknown) : Exception(message)
{
    /// <summary>No key has the name given (as opposed to a key in the wrong state).</summary>
    public bool IsUnknown { get; } = unknown;
}
