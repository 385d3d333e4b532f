using System.Security.Cryptography;
using System.Text;

namespace Reticle.Store;

/// <summary>
/// A content document's SHA-256: lower-case hex over the UTF-8 bytes of its text, as the rule-pack
/// reader computes it. The store checks it on import, because "same kind, name and SHA-256" is what
/// makes a document already held; a checksum that does not match its text would make that lie.
/// </summary>
internal static class ContentChecksum
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Refuses the whole batch if any document is malformed, before anything is written.</summary>
    public static void RequireValid(IReadOnlyList<ContentDocument> documents)
    {
        foreach (var document in documents)
        {
            if (string.IsNullOrWhiteSpace(document.Name))
            {
                throw new ArgumentException($"A {StoredContentKind.Name(document.Kind)} document has no name; nothing was imported.", nameof(documents));
            }
            var actual = Of(document.Text);
            if (!string.Equals(actual, document.Sha256, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"{StoredContentKind.Name(document.Kind)} '{document.Name}' claims SHA-256 {document.Sha256} but its text hashes to {actual}; nothing was imported.",
                    nameof(documents));
            }
        }
    }
}
