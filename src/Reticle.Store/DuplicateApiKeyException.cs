namespace Reticle.Store;

/// <summary>A key with this name (or, astronomically unlikely, this hash) is already held.</summary>
public sealed class DuplicateApiKeyException(string name) : Exception($"an API key named '{name}' already exists")
{
    public string Name { get; } = name;
}
