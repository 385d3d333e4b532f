namespace Reticle.Store;

/// <summary>
/// One input of a job, kept from submission so that every run of a shard sees the same inputs: where it came from
/// (a CSV line; 0 for an order), its key (unique within the job: a row id, an order id) and its JSON.
/// </summary>
public sealed record JobInput(long Line, string Key, string Json);
