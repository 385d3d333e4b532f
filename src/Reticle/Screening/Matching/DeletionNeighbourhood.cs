namespace Reticle.Screening.Matching;

/// <summary>
/// Finds the words of a vocabulary within two edits of a word without comparing it to each (the symmetric-deletion
/// method): two words within k edits share a string reachable from each by at most k deletions. Every word's
/// deletion strings are hashed once; a lookup hashes the query's and reads the words behind equal hashes, which the
/// caller then verifies (hashes may collide, and shared deletions only bound the distance).
/// Words of four letters may be one edit apart and still pair (<see cref="NameComparer.PairingFloor"/>), longer
/// ones two: so four-letter words get one deletion, longer ones two.
/// </summary>
internal sealed class DeletionNeighbourhood
{
    private readonly ulong[] _hashes;
    private readonly int[] _words;

    public DeletionNeighbourhood(IReadOnlyList<string> vocabulary, Func<int, bool> include)
    {
        var hashes = new List<ulong>(vocabulary.Count * 24);
        var words = new List<int>(vocabulary.Count * 24);
        var seen = new HashSet<ulong>();
        for (var w = 0; w < vocabulary.Count; w++)
        {
            var word = vocabulary[w];
            if (!include(w) || word.Length < MinimumLength || word.Length > 40)
            {
                continue;
            }
            seen.Clear();
            foreach (var hash in Deletions(word, seen))
            {
                hashes.Add(hash);
                words.Add(w);
            }
        }
        _hashes = [.. hashes];
        _words = [.. words];
        Array.Sort(_hashes, _words);
    }

    /// <summary>As persisted: the sorted hashes and the word behind each.</summary>
    internal DeletionNeighbourhood(ulong[] hashes, int[] words)
    {
        if (hashes.Length != words.Length)
        {
            throw new InvalidDataException("deletion hashes and their words differ in number");
        }
        _hashes = hashes;
        _words = words;
    }

    internal ulong[] Hashes => _hashes;

    internal int[] Words => _words;

    public const int MinimumLength = 4;

    [ThreadStatic]
    private static HashSet<ulong>? t_seen;

    /// <summary>Words that may be within two edits of <paramref name="word"/> (one for four-letter words), each once.</summary>
    public void Near(string word, HashSet<int> found)
    {
        if (word.Length < MinimumLength || word.Length > 40)
        {
            return;
        }
        t_seen?.Clear();
        foreach (var hash in Deletions(word, t_seen ??= []))
        {
            var i = Array.BinarySearch(_hashes, hash);
            if (i < 0)
            {
                continue;
            }
            while (i > 0 && _hashes[i - 1] == hash)
            {
                i--;
            }
            for (; i < _hashes.Length && _hashes[i] == hash; i++)
            {
                found.Add(_words[i]);
            }
        }
    }

    /// <summary>The hashes of the word and of every string one or two deletions from it (one for four-letter words), each once.</summary>
    private static List<ulong> Deletions(string word, HashSet<ulong> seen)
    {
        var results = new List<ulong>(word.Length * word.Length / 2 + word.Length + 1);
        Span<char> once = stackalloc char[word.Length];
        Span<char> twice = stackalloc char[word.Length];
        Add(word, seen, results);
        for (var i = 0; i < word.Length; i++)
        {
            Delete(word, i, once);
            var reduced = once[..(word.Length - 1)];
            Add(reduced, seen, results);
            if (word.Length <= MinimumLength)
            {
                continue;
            }
            for (var j = i; j < reduced.Length; j++)
            {
                Delete(reduced, j, twice);
                Add(twice[..(reduced.Length - 1)], seen, results);
            }
        }
        return results;
    }

    private static void Delete(ReadOnlySpan<char> from, int at, Span<char> to)
    {
        from[..at].CopyTo(to);
        from[(at + 1)..].CopyTo(to[at..]);
    }

    private static void Add(ReadOnlySpan<char> text, HashSet<ulong> seen, List<ulong> results)
    {
        var hash = Hash(text);
        if (seen.Add(hash))
        {
            results.Add(hash);
        }
    }

    /// <summary>FNV-1a over the characters: stable across runs, unlike string.GetHashCode.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
