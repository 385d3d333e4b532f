using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Reticle.Screening.Matching;

/// <summary>
/// A 64-bit checksum of a persisted index, in the manner of xxHash64 (four lanes of multiply-rotate over 32-byte
/// stripes, then an avalanche): it tells a damaged or cut file from a good one at memory speed. Not cryptographic: it
/// guards against accidents, and the file's name already says which lists it was built from. Plain scalar code, so the
/// precompiled (ReadyToRun) build runs it optimised from the first call; SHA-256 cost a one-shot command 20-40 ms, and a
/// vectorised xxHash from a package ran unoptimised until the JIT caught up (hundreds of milliseconds).
/// </summary>
internal sealed class IndexChecksum
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;
    private const int Stripe = 32;

    private ulong _a = unchecked(Prime1 + Prime2);
    private ulong _b = Prime2;
    private ulong _c;
    private ulong _d = unchecked(0 - Prime1);
    private long _length;
    private readonly byte[] _pending = new byte[Stripe];
    private int _pendingCount;

    public const int Size = sizeof(ulong);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _length += bytes.Length;
        if (_pendingCount > 0)
        {
            var take = Math.Min(Stripe - _pendingCount, bytes.Length);
            bytes[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            bytes = bytes[take..];
            if (_pendingCount < Stripe)
            {
                return;
            }
            Stripes(_pending);
            _pendingCount = 0;
        }
        var whole = bytes.Length - bytes.Length % Stripe;
        Stripes(bytes[..whole]);
        bytes[whole..].CopyTo(_pending);
        _pendingCount = bytes.Length - whole;
    }

    /// <summary>The checksum of everything appended, little-endian.</summary>
    public void Write(Span<byte> destination) => BinaryPrimitives.WriteUInt64LittleEndian(destination, Value());

    public ulong Value()
    {
        var hash = BitOperations.RotateLeft(_a, 1) + BitOperations.RotateLeft(_b, 7) + BitOperations.RotateLeft(_c, 12) + BitOperations.RotateLeft(_d, 18);
        hash = Merge(Merge(Merge(Merge(hash, _a), _b), _c), _d);
        hash += (ulong)_length;
        foreach (var b in _pending.AsSpan(0, _pendingCount))
        {
            hash = BitOperations.RotateLeft(hash ^ (b * Prime5), 11) * Prime1;
        }
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        return hash ^ (hash >> 32);
    }

    private void Stripes(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        ulong a = _a, b = _b, c = _c, d = _d;
        for (var i = 0; i + 3 < words.Length; i += 4)
        {
            a = Round(a, words[i]);
            b = Round(b, words[i + 1]);
            c = Round(c, words[i + 2]);
            d = Round(d, words[i + 3]);
        }
        (_a, _b, _c, _d) = (a, b, c, d);
    }

    private static ulong Round(ulong lane, ulong input) => BitOperations.RotateLeft(lane + input * Prime2, 31) * Prime1;

    private static ulong Merge(ulong hash, ulong lane) => (hash ^ Round(0, lane)) * Prime1 + Prime4;
}
