using System.Security.Cryptography;
using NodaTime;

namespace Reticle.Service.Jobs;

/// <summary>
/// Job ids: <c>job_</c> and a ULID (48 bits of milliseconds since the epoch, then 80 random bits, in Crockford's base 32):
/// ids sort by submission time and two nodes never draw the same one. Monotonic within a process (the ULID spec's rule):
/// an id drawn in the same millisecond as the last, or with a clock that did not move, is the last plus one, so jobs
/// submitted one after another list in that order even under a fixed clock.
/// </summary>
internal static class JobIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly UInt128 RandomMask = (UInt128.One << 80) - 1;
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    public static string New(Instant at)
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random[6..]);
        var value = ((UInt128)(ulong)at.ToUnixTimeMilliseconds() << 80) | (new UInt128(
            ((ulong)random[6] << 8) | random[7],
            ((ulong)random[8] << 56) | ((ulong)random[9] << 48) | ((ulong)random[10] << 40) | ((ulong)random[11] << 32)
            | ((ulong)random[12] << 24) | ((ulong)random[13] << 16) | ((ulong)random[14] << 8) | random[15]) & RandomMask);
        lock (Gate)
        {
            if (value >> 80 <= _last >> 80)
            {
                value = _last + 1;
            }
            _last = value;
        }
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
