using System.Security.Cryptography;
using System.Text;

namespace Reticle.Screening.Import;

/// <summary>
/// Entry ids for lists that publish none (the Denied Persons List; old CSL files without <c>_id</c>): a
/// prefix and the first 16 hex digits of the SHA-256 of the fields that identify the entry, so the same
/// entry gets the same id in every snapshot and a list delta can follow it.
/// </summary>
internal static class DerivedIds
{
    public static string From(string prefix, params ReadOnlySpan<string?> parts)
    {
        var text = string.Join('\u001F', parts.ToArray().Select(p => (p ?? "").Trim().ToUpperInvariant()));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"{prefix}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
