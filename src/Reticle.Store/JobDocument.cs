namespace Reticle.Store;

/// <summary>
/// A job as submitted: its id, kind, what the kind needs besides the inputs (JSON), and how many inputs a shard holds.
/// </summary>
public sealed record JobDocument(string Id, string Kind, string ParametersJson, int ShardSize);
