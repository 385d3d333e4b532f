using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Reticle.Screening.Matching;

/// <summary>
/// The index in a compact binary form, so that a one-shot command loads the index its lists were built into instead of
/// normalising every name again (seconds for the bundled lists). The form holds everything the index is: entries, names,
/// vocabulary, postings, spelling-key groups, deletion neighbourhoods and word weights, so reading it computes nothing
/// but the vocabulary's lookup table. Where the bytes are kept, and under which key, is the caller's business: the engine
/// only writes to and reads from the streams it is given.
/// </summary>
public sealed partial class ScreeningIndex
{
    /// <summary>Changes whenever the layout below, or what building an index computes, changes: older forms are not read.</summary>
    public const int PersistedFormat = 1;

    private const string Magic = "reticle-screening-index";

    public void WriteTo(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(PersistedFormat);

        w.Write(Entries.Length);
        foreach (var e in Entries)
        {
            w.Write(e.List);
            w.Write(e.Id);
            w.Write(e.Name);
            Strings(w, e.AltNames);
            Strings(w, e.Countries);
            Optional(w, e.LicenseRequirement);
            Optional(w, e.LicensePolicy);
            Optional(w, e.FederalRegister);
            w.Write(e.ListName);
            w.Write((int)e.Type);
            Strings(w, e.Programs);
            Optional(w, e.Remarks);
        }

        // Tokens once each; names and the vocabulary refer to them by number.
        var tokens = new Dictionary<NameToken, int>();
        var table = new List<NameToken>();
        int TokenId(NameToken t)
        {
            if (!tokens.TryGetValue(t, out var id))
            {
                tokens.Add(t, id = table.Count);
                table.Add(t);
            }
            return id;
        }
        var nameTokens = _names.Select(n => n.Name.Tokens.Select(TokenId).ToArray()).ToArray();
        var vocabulary = _vocabulary.Select(TokenId).ToArray();
        w.Write(table.Count);
        foreach (var t in table)
        {
            w.Write(t.Text);
            w.Write((byte)t.Kind);
            w.Write((byte)t.Script);
        }
        w.Write(_names.Length);
        for (var n = 0; n < _names.Length; n++)
        {
            w.Write(_names[n].Entry);
            w.Write(_names[n].Written);
            w.Write(_names[n].Name.Original);
            Ints(w, nameTokens[n]);
        }
        Ints(w, vocabulary);
        foreach (var posting in _postings)
        {
            Ints(w, posting);
        }
        foreach (var group in (FrozenDictionary<string, int[]>[])[_byCompact, _byPhonetic, _byConsonants, _byKorean])
        {
            w.Write(group.Count);
            foreach (var (key, members) in group)
            {
                w.Write(key);
                Ints(w, members);
            }
        }
        w.Write(_nameWeights.Length);
        foreach (var weight in _nameWeights)
        {
            w.Write(weight);
        }
        w.Write(_neighbours.Hashes.Length);
        foreach (var hash in _neighbours.Hashes)
        {
            w.Write(hash);
        }
        Ints(w, _neighbours.Words);
        w.Write(Rarity.Names);
        w.Write(Rarity.Weights.Count);
        foreach (var (word, weight) in Rarity.Weights)
        {
            w.Write(word);
            w.Write(weight);
        }
    }

    /// <summary>An index as <see cref="WriteTo"/> wrote it; null if the bytes are not that form (another format, or cut short).</summary>
    public static ScreeningIndex? ReadFrom(Stream stream)
    {
        try
        {
            using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (r.ReadString() != Magic || r.ReadInt32() != PersistedFormat)
            {
                return null;
            }
            var entries = new ListEntry[r.ReadInt32()];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new ListEntry(r.ReadString(), r.ReadString(), r.ReadString(), Strings(r), Strings(r), Optional(r), Optional(r), Optional(r))
                {
                    ListName = r.ReadString(),
                    Type = (PartyType)r.ReadInt32(),
                    Programs = Strings(r),
                    Remarks = Optional(r),
                };
            }
            var table = new NameToken[r.ReadInt32()];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = new NameToken(r.ReadString(), (TokenKind)r.ReadByte(), (TokenScript)r.ReadByte());
            }
            var names = new IndexedName[r.ReadInt32()];
            for (var n = 0; n < names.Length; n++)
            {
                var entry = r.ReadInt32();
                var written = r.ReadString();
                var original = r.ReadString();
                var ids = Ints(r);
                var nameTokens = new NameToken[ids.Length];
                for (var k = 0; k < ids.Length; k++)
                {
                    nameTokens[k] = table[ids[k]];
                }
                names[n] = new IndexedName(entry, written, new NormalizedName(original, ImmutableCollectionsMarshalAsImmutable(nameTokens)));
            }
            var vocabulary = Ints(r).Select(id => table[id]).ToArray();
            var postings = new int[vocabulary.Length][];
            for (var i = 0; i < postings.Length; i++)
            {
                postings[i] = Ints(r);
            }
            var groups = new FrozenDictionary<string, int[]>[4];
            for (var g = 0; g < groups.Length; g++)
            {
                var count = r.ReadInt32();
                var group = new Dictionary<string, int[]>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    group.Add(r.ReadString(), Ints(r));
                }
                groups[g] = group.ToFrozenDictionary(StringComparer.Ordinal);
            }
            var nameWeights = new double[r.ReadInt32()];
            for (var i = 0; i < nameWeights.Length; i++)
            {
                nameWeights[i] = r.ReadDouble();
            }
            var hashes = new ulong[r.ReadInt32()];
            for (var i = 0; i < hashes.Length; i++)
            {
                hashes[i] = r.ReadUInt64();
            }
            var words = Ints(r);
            var rarityNames = r.ReadInt32();
            var weightCount = r.ReadInt32();
            var weights = new Dictionary<string, double>(weightCount, StringComparer.Ordinal);
            for (var i = 0; i < weightCount; i++)
            {
                weights.Add(r.ReadString(), r.ReadDouble());
            }
            return new ScreeningIndex([.. entries], names, TokenRarity.Of(weights.ToFrozenDictionary(StringComparer.Ordinal), rarityNames), vocabulary, postings,
                groups[0], nameWeights, groups[1], groups[2], groups[3], new DeletionNeighbourhood(hashes, words));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or IndexOutOfRangeException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static ImmutableArray<NameToken> ImmutableCollectionsMarshalAsImmutable(NameToken[] tokens) =>
        System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(tokens);

    private static void Strings(BinaryWriter w, ImmutableArray<string> values)
    {
        var list = values.IsDefault ? [] : values;
        w.Write(list.Length);
        foreach (var v in list)
        {
            w.Write(v);
        }
    }

    private static ImmutableArray<string> Strings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static void Optional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static string? Optional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Ints(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static int[] Ints(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadInt32();
        }
        return values;
    }
}
