using System.Security.Cryptography;
using NodaTime;

namespace Reticle.Service.Jobs;

/// <summary>
/// Job ids: <c>job_</c> and a ULID (48 bits of milliseconds since the epoch, then 80 random bits, in Crockford's base 32):
/// ids sort by submission time and two nodes never draw the same one.
/// </summary>
internal static class JobIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(Instant at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }
        RandomNumberGenerator.Fill(bytes[6..]);
        var value = new UInt128(
            ((ulong)bytes[0] << 56) | ((ulong)bytes[1] << 48) | ((ulong)bytes[2] << 40) | ((ulong)bytes[3] << 32) | ((ulong)bytes[4] << 24) | ((ulong)bytes[5] << 16) | ((ulong)bytes[6] << 8) | bytes[7],
            ((ulong)bytes[8] << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32) | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15]);
        Span<char> text = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return "job_" + new string(text);
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a job id (checked before it reaches a query).</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == 30 && text.StartsWith("job_", StringComparison.Ordinal) && text[4..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
