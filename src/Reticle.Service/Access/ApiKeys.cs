using System.Security.Cryptography;
using System.Text;

namespace Reticle.Service.Access;

/// <summary>API keys: 256 random bits, shown once; the store keeps only their SHA-256.</summary>
internal static class ApiKeys
{
    public const string Prefix = "rtk_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
