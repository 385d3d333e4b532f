using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Reticle.Screening.Matching;

/// <summary>
/// The index in a compact binary form, so that a one-shot command loads the index its lists were built into instead of
/// normalising every name again (seconds for the bundled lists). The form is the index's own flat arrays (vocabulary and
/// its lookup table, postings, spelling-key groups, deletion neighbourhoods, word and name weights) written as blocks of
/// bytes, then the names and entries in a form that is read one at a time: loading reads the blocks and makes no object
/// per name, and a query makes only the names and entries it scores. The file ends with a checksum (<see cref="IndexChecksum"/>) of all before it, so
/// a damaged one reads as none. Where the bytes are kept, and under which key, is the caller's business: the engine only
/// writes to and reads from the streams it is given.
/// </summary>
public sealed partial class ScreeningIndex
{
    /// <summary>Changes whenever the layout below, or what building an index computes, changes: older forms are not read.</summary>
    public const int PersistedFormat = 2;

    private const string Magic = "reticle-screening-index";

    // Read back as another number on a machine that orders bytes the other way.
    private const int ByteOrder = 0x01020304;

    public void WriteTo(Stream stream)
    {
        var w = new IndexFileWriter(stream);
        w.Text(Magic);
        w.Int(PersistedFormat);
        w.Int(ByteOrder);

        w.Keys(_vocabulary);
        w.Array(_wordKinds);
        w.Array(_wordScripts);
        w.Groups(_postings);
        w.Groups(_byCompact);
        w.Groups(_byPhonetic);
        w.Groups(_byConsonants);
        w.Groups(_byKorean);
        w.Array(_nameWeights);
        w.Array(_neighbours.Hashes);
        w.Array(_neighbours.Words);
        w.Int(Rarity.Names);
        w.Keys(Rarity.Words);
        w.Array(Rarity.Weights);
        w.Int(_mostRepeats);

        PersistedNames.Of([.. Enumerable.Range(0, _names.Length).Select(Name)]).WriteTo(w);
        PersistedEntries.Of(Entries).WriteTo(w);
        w.Finish();
    }

    /// <summary>An index as <see cref="WriteTo"/> wrote it; null if the bytes are not that form (another format, cut short or damaged).</summary>
    public static ScreeningIndex? ReadFrom(Stream stream)
    {
        try
        {
            var r = new IndexFileReader(stream);
            if (r.Text() != Magic || r.Int() != PersistedFormat || r.Int() != ByteOrder)
            {
                return null;
            }
            var vocabulary = r.Keys();
            var wordKinds = r.Array<byte>();
            var wordScripts = r.Array<byte>();
            var postings = r.Groups();
            var byCompact = r.KeyedGroups();
            var byPhonetic = r.KeyedGroups();
            var byConsonants = r.KeyedGroups();
            var byKorean = r.KeyedGroups();
            var nameWeights = r.Array<double>();
            var neighbours = new DeletionNeighbourhood(r.Array<ulong>(), r.Array<int>());
            var rarityNames = r.Int();
            var rarity = TokenRarity.Of(r.Keys(), r.Array<double>(), rarityNames);
            var mostRepeats = r.Int();
            var names = PersistedNames.ReadFrom(r);
            var entries = PersistedEntries.ReadFrom(r);
            if (!r.Verify())
            {
                return null;
            }
            var layout = new Layout(rarity, vocabulary, wordKinds, wordScripts, postings, byCompact, nameWeights, byPhonetic, byConsonants, byKorean,
                neighbours, mostRepeats);
            return new ScreeningIndex(layout, new ListEntry?[entries.Count], entries, new IndexedName?[names.Count], names);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The names as flat arrays: the entry of each, the name as written and as read, and its tokens (numbers into a table
    /// of distinct tokens). A name is made from them when a query first scores it.
    /// </summary>
    private sealed class PersistedNames(int[] entries, StringList written, StringList original, IntGroups tokens,
        StringList tokenTexts, byte[] tokenKinds, byte[] tokenScripts)
    {
        public int Count { get; } = entries.Length == written.Count && entries.Length == original.Count && entries.Length == tokens.Count
            && tokenTexts.Count == tokenKinds.Length && tokenTexts.Count == tokenScripts.Length
                ? entries.Length
                : throw new InvalidDataException("the parts of the persisted names do not agree in size");

        public static PersistedNames Of(IReadOnlyList<IndexedName> names)
        {
            var ids = new Dictionary<NameToken, int>();
            var table = new List<NameToken>();
            var tokens = new List<IReadOnlyCollection<int>>(names.Count);
            foreach (var name in names)
            {
                var ofName = new int[name.Name.Tokens.Length];
                for (var k = 0; k < ofName.Length; k++)
                {
                    var token = name.Name.Tokens[k];
                    if (!ids.TryGetValue(token, out var id))
                    {
                        ids.Add(token, id = table.Count);
                        table.Add(token);
                    }
                    ofName[k] = id;
                }
                tokens.Add(ofName);
            }
            return new PersistedNames([.. names.Select(n => n.Entry)], StringList.Of([.. names.Select(n => n.Written)]),
                StringList.Of([.. names.Select(n => n.Name.Original)]), IntGroups.Of(tokens),
                StringList.Of([.. table.Select(t => t.Text)]), [.. table.Select(t => (byte)t.Kind)], [.. table.Select(t => (byte)t.Script)]);
        }

        public void WriteTo(IndexFileWriter w)
        {
            w.Array(entries);
            w.Strings(written);
            w.Strings(original);
            w.Groups(tokens);
            w.Strings(tokenTexts);
            w.Array(tokenKinds);
            w.Array(tokenScripts);
        }

        public static PersistedNames ReadFrom(IndexFileReader r) =>
            new(r.Array<int>(), r.Strings(), r.Strings(), r.Groups(), r.Strings(), r.Array<byte>(), r.Array<byte>());

        public int EntryOf(int n) => entries[n];

        public IndexedName Name(int n)
        {
            var ids = tokens[n];
            var made = new NameToken[ids.Length];
            for (var k = 0; k < made.Length; k++)
            {
                var t = ids[k];
                made[k] = new NameToken(tokenTexts[t], (TokenKind)tokenKinds[t], (TokenScript)tokenScripts[t]);
            }
            return new IndexedName(entries[n], written[n], new NormalizedName(original[n], ImmutableCollectionsMarshal.AsImmutableArray(made)));
        }
    }

    /// <summary>
    /// The entries, each as the store's own JSON of it (<see cref="ListEntryJson"/>, so every field the store keeps comes
    /// back), laid end to end; an entry is read when a query first needs it.
    /// </summary>
    private sealed class PersistedEntries(byte[] json, int[] starts)
    {
        public int Count { get; } = starts.Length > 0 && starts[0] == 0 && starts[^1] == json.Length
            ? starts.Length - 1
            : throw new InvalidDataException("entry bounds do not match their text");

        public static PersistedEntries Of(ImmutableArray<ListEntry> entries)
        {
            var starts = new int[entries.Length + 1];
            using var buffer = new MemoryStream();
            for (var e = 0; e < entries.Length; e++)
            {
                starts[e] = (int)buffer.Length;
                buffer.Write(Encoding.UTF8.GetBytes(ListEntryJson.Write([entries[e]])));
            }
            starts[^1] = (int)buffer.Length;
            return new PersistedEntries(buffer.ToArray(), starts);
        }

        public void WriteTo(IndexFileWriter w)
        {
            w.Array(json);
            w.Array(starts);
        }

        public static PersistedEntries ReadFrom(IndexFileReader r) => new(r.Array<byte>(), r.Array<int>());

        public ListEntry Entry(int e)
        {
            var read = ListEntryJson.Read(Encoding.UTF8.GetString(json, starts[e], starts[e + 1] - starts[e]));
            return read.Length == 1 ? read[0] : throw new InvalidDataException($"entry {e} does not read back as one entry");
        }
    }
}
