using System.Security.Cryptography;
using System.Text;

namespace Reticle.Audit;

/// <summary>
/// The SHA-256 Merkle tree hash of RFC 6962 §2.1 over a sequence of results, computed as they stream past:
/// <c>MTH({}) = SHA-256()</c>, a leaf is <c>SHA-256(0x00 || utf8(result))</c>, and for n &gt; 1 results
/// <c>MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))</c> with k the largest power of two below n.
/// A job's <c>resultDigest</c> is <c>sha256:</c> and the root in lower-case hex, over its result lines in input
/// order (each line without its line break). The leaf and node prefixes keep a leaf from passing for a node.
/// </summary>
/// <remarks>
/// Memory is one hash per level (a stack of the roots of perfect subtrees, as in a binary counter): a job of any
/// size is digested in O(log n) space. The fold at <see cref="Root"/> joins those subtrees from the right, which is
/// exactly RFC 6962's split at the largest power of two.
/// </remarks>
public sealed class MerkleRoot
{
    private readonly List<(byte[] Hash, long Size)> _stack = [];

    public long Count { get; private set; }

    public void Add(string result) => Add(Encoding.UTF8.GetBytes(result));

    public void Add(ReadOnlySpan<byte> result)
    {
        var leaf = new byte[1 + result.Length];
        result.CopyTo(leaf.AsSpan(1));
        var hash = SHA256.HashData(leaf);
        long size = 1;
        while (_stack.Count > 0 && _stack[^1].Size == size)
        {
            hash = Node(_stack[^1].Hash, hash);
            size *= 2;
            _stack.RemoveAt(_stack.Count - 1);
        }
        _stack.Add((hash, size));
        Count++;
    }

    /// <summary><c>sha256:</c> and the root in hex.</summary>
    public string Root()
    {
        if (_stack.Count == 0)
        {
            return Format(SHA256.HashData([]));
        }
        var hash = _stack[^1].Hash;
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            hash = Node(_stack[i].Hash, hash);
        }
        return Format(hash);
    }

    /// <summary>The root over <paramref name="results"/> in order.</summary>
    public static string Of(IEnumerable<string> results)
    {
        var root = new MerkleRoot();
        foreach (var result in results)
        {
            root.Add(result);
        }
        return root.Root();
    }

    private static byte[] Node(byte[] left, byte[] right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    private static string Format(byte[] hash) => "sha256:" + Convert.ToHexStringLower(hash);
}
