using System.Security.Cryptography;
using System.Text;
using Reticle.Audit;

namespace Reticle.Tests.Audit;

/// <summary>The job result digest: RFC 6962's Merkle tree hash, streamed, equal to the recursive definition for every size.</summary>
public sealed class MerkleRootTests
{
    // RFC 6962 §2.1, written as the RFC states it: the reference the streamed computation must equal.
    private static byte[] Reference(IReadOnlyList<string> d)
    {
        if (d.Count == 0)
        {
            return SHA256.HashData([]);
        }
        if (d.Count == 1)
        {
            return SHA256.HashData([0, .. Encoding.UTF8.GetBytes(d[0])]);
        }
        var k = 1;
        while (k * 2 < d.Count)
        {
            k *= 2;
        }
        return SHA256.HashData([1, .. Reference([.. d.Take(k)]), .. Reference([.. d.Skip(k)])]);
    }

    [Fact]
    public void The_streamed_root_equals_RFC_6962_for_every_size_up_to_70()
    {
        for (var n = 0; n <= 70; n++)
        {
            var results = Enumerable.Range(0, n).Select(i => $"{{\"id\":\"P{i}\"}}").ToList();
            MerkleRoot.Of(results).ShouldBe("sha256:" + Convert.ToHexStringLower(Reference(results)), $"{n} results");
        }
    }

    [Fact]
    public void An_empty_job_has_the_hash_of_nothing()
    {
        MerkleRoot.Of([]).ShouldBe("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Fact]
    public void Reordering_dropping_or_repeating_a_result_changes_the_root()
    {
        string[] results = ["a", "b", "c", "d", "e"];
        var root = MerkleRoot.Of(results);
        MerkleRoot.Of(["b", "a", "c", "d", "e"]).ShouldNotBe(root);
        MerkleRoot.Of(["a", "b", "c", "d"]).ShouldNotBe(root);
        MerkleRoot.Of(["a", "b", "c", "d", "e", "e"]).ShouldNotBe(root);
        MerkleRoot.Of(results).ShouldBe(root);
    }

    [Fact]
    public void A_leaf_cannot_pass_for_a_node()
    {
        // Without the 0x00/0x01 prefixes the root of two leaves would be the hash of their concatenated hashes.
        var a = SHA256.HashData([0, .. "a"u8]);
        var b = SHA256.HashData([0, .. "b"u8]);
        MerkleRoot.Of([Encoding.Latin1.GetString([1, .. a, .. b])]).ShouldNotBe(MerkleRoot.Of(["a", "b"]));
    }
}
