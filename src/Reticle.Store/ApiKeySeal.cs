using System.Security.Cryptography;
using System.Text;

namespace Reticle.Store;

/// <summary>
/// What a key's audit record seals of its hash. The record must not carry the hash itself (the log is read by more
/// people than may call the API), but without a seal someone with write access to the database could swap a key's
/// hash for one of a key they hold and act under its name and role. A second SHA-256 over the first, under a label
/// of its own, binds the row to the record and tells nothing usable about the key.
/// </summary>
internal static class ApiKeySeal
{
    public static string Of(string sha256Hex) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("reticle.api-key\n" + sha256Hex)));
}
