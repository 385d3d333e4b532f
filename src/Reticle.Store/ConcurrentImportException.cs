namespace Reticle.Store;

/// <summary>
/// Another import of the same dataset was stored after this one read the dataset's current snapshot,
/// so the changes it worked out are against the wrong snapshot. Nothing was written; import again.
/// </summary>
public sealed class ConcurrentImportException(string dataset)
    : Exception($"Another import of list dataset '{dataset}' was stored while this one was being prepared; nothing was written. Import again.")
{
    public string Dataset { get; } = dataset;
}
