using System.Security.Cryptography;
using System.Text;
using Reticle.Store;

namespace Reticle.Service;

/// <summary>
/// The sample content shipped beside the binary (rule packs and item catalogue), which seeds every
/// data folder. <c>RETICLE_CONTENT</c> points elsewhere (tests, or a team's own content).
/// </summary>
internal static class BundledContent
{
    /// <param name="variable">The environment: <c>RETICLE_CONTENT</c>, if set, names the content folder.</param>
    public static string Directory(Func<string, string?> variable) =>
        variable("RETICLE_CONTENT") is { Length: > 0 } custom ? custom : Path.Combine(AppContext.BaseDirectory, "content");

    public static IReadOnlyList<ContentDocument> Read(string root)
    {
        var documents = new List<ContentDocument>();
        documents.AddRange(ReadKind(Path.Combine(root, "packs"), ContentKind.RulePack));
        documents.AddRange(ReadKind(Path.Combine(root, "catalog"), ContentKind.Catalog));
        return documents;
    }

    private static IEnumerable<ContentDocument> ReadKind(string folder, ContentKind kind)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            yield return new ContentDocument(kind, name, Sha256(text), text);
        }
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
