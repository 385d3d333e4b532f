namespace Reticle.Screening.Matching;

/// <summary>
/// Distinct strings and their positions, looked up by text through an open-addressing table whose hash is stable
/// across processes (FNV-1a over the characters), so the table is persisted as it is and a loaded index builds no
/// dictionary. Immutable; safe to read from many threads.
/// </summary>
internal sealed class StringKeys
{
    private readonly StringList _keys;

    // Power-of-two many slots, at most half full: 0 is empty, k + 1 is the key at position k.
    private readonly int[] _slots;

    internal StringKeys(StringList keys, int[] slots)
    {
        if (slots.Length == 0 || (slots.Length & (slots.Length - 1)) != 0 || slots.Length <= keys.Count)
        {
            throw new InvalidDataException("string key table has the wrong number of slots");
        }
        _keys = keys;
        _slots = slots;
    }

    public static StringKeys Empty { get; } = Of([]);

    /// <summary>The keys, each at its position in <paramref name="keys"/>; they must be distinct.</summary>
    public static StringKeys Of(IReadOnlyList<string> keys)
    {
        var size = 2;
        while (size < 2 * keys.Count)
        {
            size *= 2;
        }
        var slots = new int[size];
        for (var k = 0; k < keys.Count; k++)
        {
            var slot = (int)(Hash(keys[k]) & (uint)(size - 1));
            while (slots[slot] != 0)
            {
                if (keys[slots[slot] - 1] == keys[k])
                {
                    throw new ArgumentException($"'{keys[k]}' is given twice", nameof(keys));
                }
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = k + 1;
        }
        return new StringKeys(StringList.Of(keys), slots);
    }

    public int Count => _keys.Count;

    internal StringList Keys => _keys;

    internal int[] Slots => _slots;

    public string this[int i] => _keys[i];

    /// <summary>The position of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> key)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)(Hash(key) & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var k = _slots[slot] - 1;
            if (k < 0)
            {
                return -1;
            }
            if (_keys.Span(k).SequenceEqual(key))
            {
                return k;
            }
        }
    }

    public bool TryGetIndex(ReadOnlySpan<char> key, out int index) => (index = IndexOf(key)) >= 0;

    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        // FNV's low bits mix poorly: fold the high ones in, since the slot is taken from the low ones.
        return hash ^ (hash >> 15);
    }
}
