using System.Security.Cryptography;
using System.Text;

namespace Reticle.Service.Access;

/// <summary>API keys: 256 random bits, shown once; the store keeps only their SHA-256.</summary>
internal static class ApiKeys
{
    public const string Prefix = "rtk_";

    /// <summary>
    /// The audit actor of a request made with the key <c>NAME</c> is <c>api:NAME</c>. Only the API writes such actors: the
    /// command line refuses to act under one, so a record signed by one came through the API with that key.
    /// </summary>
    public const string ActorPrefix = "api:";

    public static string Actor(string keyName) => ActorPrefix + keyName;

    /// <summary>How long a server trusts a key it has looked up before asking the store again: a revoked key is refused within it.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(2);

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
