using System.Security.Cryptography;
using System.Text;
using Reticle.Screening.Matching;

namespace Reticle.Service;

/// <summary>
/// Screening indexes kept on disk, each under a key made of the list snapshots it was built from (dataset and SHA-256 of
/// the source files) and of the engine that built it (its module version: a new build of the matcher is another key). A
/// one-shot command loads the index instead of normalising every listed name again; an index is never used for other
/// snapshots, because other snapshots are another key. Files are written whole under a temporary name and renamed into
/// place, so a reader never sees half of one; several data folders and processes may share one cache folder.
/// </summary>
internal sealed class ScreeningIndexCache(string folder)
{
    /// <summary>Indexes kept: the bundled lists take tens of megabytes, and "before" and "after" a list import are what is asked for.</summary>
    private const int Kept = 4;

    private const string Prefix = "screening-";

    public string Folder { get; } = folder;

    /// <summary>The key of an index built from these snapshots (dataset → <c>sha256:…</c>).</summary>
    public static string KeyOf(IEnumerable<KeyValuePair<string, string>> listVersions)
    {
        var text = new StringBuilder()
            .Append("format ").Append(ScreeningIndex.PersistedFormat).Append('\n')
            .Append("engine ").Append(typeof(ScreeningIndex).Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        foreach (var (dataset, version) in listVersions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append(dataset).Append(' ').Append(version).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The index kept under <paramref name="key"/>, or null if none is. A file that does not read back whole (cut short,
    /// damaged, or of another format) is never used: it is said on <paramref name="notice"/>, removed, and the caller
    /// builds the index again.
    /// </summary>
    public ScreeningIndex? Load(string key, Action<string>? notice)
    {
        var path = PathOf(key);
        ScreeningIndex? index;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
            index = ScreeningIndex.ReadFrom(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notice?.Invoke($"reticle: the kept screening index {path} cannot be read ({e.Message}); building the index again");
            return null;
        }
        if (index is null)
        {
            notice?.Invoke($"reticle: the kept screening index {path} is damaged or of another format; building the index again");
            TryDelete(path);
        }
        return index;
    }

    /// <summary>Keeps the index; a cache that cannot be written (read-only folder, full disk) only costs the next call a rebuild.</summary>
    public void Save(string key, ScreeningIndex index)
    {
        var temporary = Path.Combine(Folder, $".{Prefix}{key}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(Folder);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                index.WriteTo(file);
            }
            File.Move(temporary, PathOf(key), overwrite: true);
            Prune(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    // The most recently written indexes stay; older ones (lists since replaced) go.
    private void Prune(string kept)
    {
        var old = new DirectoryInfo(Folder).EnumerateFiles(Prefix + "*.bin")
            .Where(f => f.Name != Path.GetFileName(PathOf(kept)))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Skip(Kept - 1);
        foreach (var file in old)
        {
            TryDelete(file.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process has it open or removed it first: it goes next time.
        }
    }

    private string PathOf(string key) => Path.Combine(Folder, $"{Prefix}{key}.bin");
}
