using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Reticle.Screening.Matching;

/// <summary>
/// Every name and alias of a set of list entries, normalised once and indexed so that a query scores only the few
/// names that share a word, or a word spelt alike, with it. Immutable after <see cref="Build"/>; safe to screen from
/// many threads at once.
/// <para>
/// Candidates come from an inverted index over tokens: for each query word, the listed words equal to it, within
/// two edits of it (found through the vocabulary's deletion neighbourhoods), sounding alike, or, for a query
/// transliterated from Arabic or Hebrew, sharing its consonants; runs of query words joined are looked up too
/// ("AL QAEDA" finds "ALQAEDA"). Each name gathers the weights of the query words it shares; names that cannot reach
/// the threshold even if all else matched are not scored.
/// </para>
/// </summary>
public sealed partial class ScreeningIndex
{
    /// <summary>
    /// Default least score of a hit: 0.80. On the nomenklatura name benchmark (826 labelled pairs) F1 is 0.850 there
    /// (precision 0.916) and flat from 0.70 to 0.80, while the share of 50,000 synthetic non-listed persons alerting
    /// against the whole CSL halves from 2.05 % at 0.75 to 1.0 % at 0.80: the lowest threshold with about 1 % false
    /// alerts and precision above 0.9. See docs/screening.md.
    /// </summary>
    public const double DefaultThreshold = 0.80;

    /// <summary>A score at which the name itself is taken as the listed one (the same normalised name, or a slip away).</summary>
    public const double StrongMatch = 0.95;

    /// <summary>Default least score in <see cref="ScoringMode.Ofac"/>: OFAC's tool is commonly used at 85.</summary>
    public const double DefaultOfacThreshold = 0.85;

    /// <summary>
    /// Most characters of a query name that are screened: 1,000, as many as a screening request may send, well above
    /// the longest name of the bundled lists (381). Screening a longer name reads its first 1,000 characters (never
    /// splitting a character) and says so in every hit's explanation: the work per query stays bounded whatever the
    /// input, so one request cannot hold a core (issue 14). Padding a listed name with text does not hide it any more
    /// than it did: the padding's words already counted against the match.
    /// </summary>
    public const int MaxQueryLength = 1_000;

    /// <summary>
    /// Most tokens of a normalised query that take part in finding and scoring names: 128, more than twice the longest
    /// listed name (56 tokens). Aligning a query with a listed name compares every token of one with every token of
    /// the other, and each query word gathers the names that use it: both grow with the query's tokens.
    /// </summary>
    public const int MaxQueryTokens = 128;

    /// <summary>
    /// Most names a query is read as (<see cref="NameVariants"/>: aliases in parentheses, alternatives, affiliates):
    /// 16, where no listed name gives more than 5. Each is screened on its own.
    /// </summary>
    public const int MaxQueryVariants = 16;

    // Names and entries as far as they are made: all of them in an index that was built; in one that was loaded, those a
    // query has asked for, made from their persisted form on first use (a one-shot command reads a few of 80,000).
    private readonly IndexedName?[] _names;
    private readonly PersistedNames? _persistedNames;
    private readonly ListEntry?[] _entries;
    private readonly PersistedEntries? _persistedEntries;
    private ListEntry[]? _allEntries;

    // The significant words of the listed names, by number, with the kind and script of each and the names using it.
    private readonly StringKeys _vocabulary;
    private readonly byte[] _wordKinds;
    private readonly byte[] _wordScripts;
    private readonly WordBox?[] _words;
    private readonly IntGroups _postings;
    private readonly DeletionNeighbourhood _neighbours;
    private readonly KeyedGroups _byPhonetic;
    private readonly KeyedGroups _byConsonants;
    private readonly KeyedGroups _byKorean;
    private readonly KeyedGroups _byCompact;
    private readonly double[] _nameWeights;

    /// <summary>The most times one word occurs in one listed name: a query word repeated more often has nothing left to pair with.</summary>
    private readonly int _mostRepeats;

    [ThreadStatic]
    private static Scratch? t_scratch;

    // Everything is given: built by Index from the names, or read back from its persisted form (ScreeningIndex.Persisted.cs).
    private ScreeningIndex(Layout layout, ListEntry?[] entries, PersistedEntries? persistedEntries, IndexedName?[] names, PersistedNames? persistedNames)
    {
        if (names.Length != layout.NameWeights.Length || layout.Vocabulary.Count != layout.Postings.Count
            || layout.Vocabulary.Count != layout.WordKinds.Length || layout.Vocabulary.Count != layout.WordScripts.Length)
        {
            throw new InvalidDataException("the parts of the index do not agree in size");
        }
        _entries = entries;
        _persistedEntries = persistedEntries;
        _names = names;
        _persistedNames = persistedNames;
        Rarity = layout.Rarity;
        Comparer = new NameComparer(layout.Rarity);
        _vocabulary = layout.Vocabulary;
        _wordKinds = layout.WordKinds;
        _wordScripts = layout.WordScripts;
        _words = new WordBox?[layout.Vocabulary.Count];
        _postings = layout.Postings;
        _byCompact = layout.ByCompact;
        _nameWeights = layout.NameWeights;
        _byPhonetic = layout.ByPhonetic;
        _byConsonants = layout.ByConsonants;
        _byKorean = layout.ByKorean;
        _neighbours = layout.Neighbours;
        _mostRepeats = layout.MostRepeats;
    }

    /// <summary>What finds candidates, as flat arrays: the same whether built or loaded, and persisted as it is.</summary>
    private sealed record Layout(TokenRarity Rarity, StringKeys Vocabulary, byte[] WordKinds, byte[] WordScripts, IntGroups Postings,
        KeyedGroups ByCompact, double[] NameWeights, KeyedGroups ByPhonetic, KeyedGroups ByConsonants, KeyedGroups ByKorean,
        DeletionNeighbourhood Neighbours, int MostRepeats);

    // A word made once and shared by every query (a class, so that it is published whole to other threads).
    private sealed record WordBox(NameToken Token);

    private static int MostRepeats(IndexedName[] names)
    {
        var most = 1;
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            repeats.Clear();
            foreach (var token in name.Name.Tokens)
            {
                if (token.IsSignificant)
                {
                    var count = repeats[token.Text] = repeats.GetValueOrDefault(token.Text) + 1;
                    most = Math.Max(most, count);
                }
            }
        }
        return most;
    }

    /// <summary>Lays out the index of normalised names: vocabulary, postings, spelling keys and deletion neighbourhoods.</summary>
    private static ScreeningIndex Index(ImmutableArray<ListEntry> entries, IndexedName[] names)
    {
        var rarity = TokenRarity.From(names.Select(n => n.Name));

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<NameToken>();
        var postings = new List<List<int>>();
        var compact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var n = 0; n < names.Length; n++)
        {
            var name = names[n].Name;
            foreach (var token in name.Tokens)
            {
                if (!token.IsSignificant)
                {
                    continue;
                }
                if (!ids.TryGetValue(token.Text, out var id))
                {
                    id = vocabulary.Count;
                    ids.Add(token.Text, id);
                    vocabulary.Add(token);
                    postings.Add([]);
                }
                var list = postings[id];
                if (list.Count == 0 || list[^1] != n)
                {
                    list.Add(n);
                }
            }
            if (name.Compact.Length > 0)
            {
                if (!compact.TryGetValue(name.Compact, out var same))
                {
                    compact.Add(name.Compact, same = []);
                }
                same.Add(n);
            }
        }
        NameToken[] words = [.. vocabulary];
        var layout = new Layout(rarity, StringKeys.Of([.. words.Select(t => t.Text)]),
            [.. words.Select(t => (byte)t.Kind)], [.. words.Select(t => (byte)t.Script)],
            IntGroups.Of(postings),
            KeyedGroups.Of(compact),
            [.. names.Select(n => n.Name.Tokens.Where(t => t.IsSignificant).Sum(t => rarity.Weight(t)))],
            Group(words, t => t.Kind == TokenKind.Word && t.Phonetic.Length >= 2 ? t.Phonetic : null),
            Group(words, t => t.Kind == TokenKind.Word && t.Consonants.Length >= 1 ? t.Consonants : null),
            Group(words, t => t.Kind == TokenKind.Word && !t.IsSyllable && t.Text.Length <= 12 ? SpellingKeys.Korean(t.Text) : null),
            new DeletionNeighbourhood([.. words.Select(t => t.Text)], w => words[w].Kind == TokenKind.Word && !words[w].IsSyllable),
            MostRepeats(names));
        var index = new ScreeningIndex(layout, [.. entries], null, names, null);
        for (var w = 0; w < words.Length; w++)
        {
            index._words[w] = new WordBox(words[w]);
        }
        return index;
    }

    /// <summary>Every entry of the lists indexed.</summary>
    public ImmutableArray<ListEntry> Entries => ImmutableCollectionsMarshal.AsImmutableArray(
        Volatile.Read(ref _allEntries) ?? (_allEntries = [.. Enumerable.Range(0, _entries.Length).Select(Entry)]));

    /// <summary>The entry at <paramref name="e"/>, made from its persisted form the first time it is asked for.</summary>
    private ListEntry Entry(int e) => Volatile.Read(ref _entries[e]) ?? Published(ref _entries[e], _persistedEntries!.Entry(e));

    /// <summary>The name at <paramref name="n"/>, made from its persisted form the first time it is asked for.</summary>
    private IndexedName Name(int n) => Volatile.Read(ref _names[n]) ?? Published(ref _names[n], _persistedNames!.Name(n));

    /// <summary>The position of the entry named at <paramref name="n"/>, without making the name.</summary>
    private int EntryOf(int n) => Volatile.Read(ref _names[n])?.Entry ?? _persistedNames!.EntryOf(n);

    /// <summary>The word numbered <paramref name="w"/>, made the first time it is asked for.</summary>
    private NameToken Word(int w) => (Volatile.Read(ref _words[w])
        ?? Published(ref _words[w], new WordBox(new NameToken(_vocabulary[w], (TokenKind)_wordKinds[w], (TokenScript)_wordScripts[w])))).Token;

    // Two threads may make the same thing at once: both made it alike, and the first one kept is used from then on.
    private static T Published<T>(ref T? slot, T made) where T : class => Interlocked.CompareExchange(ref slot, made, null) ?? made;


    /// <summary>How many names and aliases are indexed.</summary>
    public int NameCount => _names.Length;

    public TokenRarity Rarity { get; }

    /// <summary>The scorer, with the rarity of words in these lists.</summary>
    public NameComparer Comparer { get; }

    public static ScreeningIndex Build(IEnumerable<ListEntry> entries)
    {
        var all = entries.ToImmutableArray();
        // Normalising (transliteration, legal forms, variants) is most of the build and independent per entry:
        // done on every core, then laid out in entry order so the index is the same whatever the scheduling.
        var perEntry = new IndexedName[all.Length][];
        Parallel.For(0, all.Length, () => new HashSet<string>(StringComparer.Ordinal), (e, _, seen) =>
        {
            seen.Clear();
            var names = new List<IndexedName>(4);
            foreach (var written in all[e].AllNames)
            {
                foreach (var variant in NameVariants.Of(written))
                {
                    var normalized = NameNormalizer.Normalize(variant);
                    if (!normalized.IsEmpty && seen.Add(normalized.Key))
                    {
                        names.Add(new IndexedName(e, written, normalized));
                    }
                }
            }
            perEntry[e] = [.. names];
            return seen;
        }, _ => { });
        return Index(all, [.. perEntry.SelectMany(n => n)]);
    }

    /// <summary>The entries matching the query at or above its threshold, best first, at most its limit.</summary>
    public ImmutableArray<ScreeningHit> Screen(ScreeningQuery query)
    {
        var threshold = query.Threshold ?? (query.Mode == ScoringMode.Ofac ? DefaultOfacThreshold : DefaultThreshold);
        var variants = NameVariants.Of(Screened(query.Name)).Take(MaxQueryVariants)
            .Select(v => Bounded(NameNormalizer.Normalize(v))).Where(v => !v.IsEmpty).ToList();
        if (variants.Count == 0 || query.Limit <= 0)
        {
            return [];
        }
        var screened = Screened(query.Name);
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(_names.Length, _vocabulary.Count);
        var best = new Dictionary<int, (double Score, int Name, int Variant)>();
        for (var v = 0; v < variants.Count; v++)
        {
            var variant = variants[v];
            var candidates = Candidates(variant, query, threshold, scratch);
            foreach (var n in candidates)
            {
                var indexed = Name(n);
                var entry = Entry(indexed.Entry);
                var score = query.Mode == ScoringMode.Ofac
                    ? OfacScorer.Score(screened, indexed.Written)
                    : Qualifiers.Apply(Comparer.Score(variant, indexed.Name, TypeOf(query, entry)), query, entry, null);
                if (score >= threshold && (!best.TryGetValue(indexed.Entry, out var current) || score > current.Score))
                {
                    best[indexed.Entry] = (score, n, v);
                }
            }
        }
        return [.. best
            .OrderByDescending(b => b.Value.Score).ThenBy(b => b.Key)
            .Take(query.Limit)
            .Select(b => Hit(query, variants[b.Value.Variant], Name(b.Value.Name), b.Value.Score))];
    }

    /// <summary>The score of one listed name for a query, as <see cref="Screen"/> computes it, with its explanation.</summary>
    private ScreeningHit Hit(ScreeningQuery query, NormalizedName variant, IndexedName indexed, double score)
    {
        var entry = Entry(indexed.Entry);
        var explanation = new List<string>();
        if (query.Name.Length > MaxQueryLength)
        {
            explanation.Add(string.Create(CultureInfo.InvariantCulture,
                $"the query name has {query.Name.Length:N0} characters: only its first {Screened(query.Name).Length:N0} were screened"));
        }
        if (query.Mode != ScoringMode.Ofac && variant.Tokens.Length == MaxQueryTokens && NameNormalizer.Normalize(variant.Original).Tokens.Length > MaxQueryTokens)
        {
            explanation.Add(string.Create(CultureInfo.InvariantCulture, $"only the query's first {MaxQueryTokens} words were screened"));
        }
        if (query.Mode == ScoringMode.Ofac)
        {
            var (whole, perWord) = OfacScorer.Parts(Screened(query.Name), indexed.Written);
            explanation.Add(string.Create(CultureInfo.InvariantCulture,
                $"OFAC-style score {Math.Round(score * 100)}: whole name Jaro-Winkler {whole:0.00}, mean best word Jaro-Winkler {perWord:0.00}"));
        }
        else
        {
            var alignment = Comparer.Align(variant, indexed.Name, TypeOf(query, entry));
            explanation.Add($"query read as '{variant.Key}', listed name '{indexed.Written}' as '{indexed.Name.Key}'");
            explanation.AddRange(alignment.Explain(Rarity));
            explanation.Add(string.Create(CultureInfo.InvariantCulture, $"name score {alignment.Score:0.000}"));
            Qualifiers.Apply(alignment.Score, query, entry, explanation);
        }
        return new ScreeningHit(entry, indexed.Written, Math.Round(score, 4), [.. explanation]);
    }

    /// <summary>The part of a query name that is screened: its first <see cref="MaxQueryLength"/> characters, a surrogate pair kept whole.</summary>
    private static string Screened(string name)
    {
        if (name.Length <= MaxQueryLength)
        {
            return name;
        }
        var length = char.IsHighSurrogate(name[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
        return name[..length];
    }

    /// <summary>A normalised query with at most <see cref="MaxQueryTokens"/> tokens, its first.</summary>
    private static NormalizedName Bounded(NormalizedName name) =>
        name.Tokens.Length <= MaxQueryTokens ? name : new NormalizedName(name.Original, name.Tokens[..MaxQueryTokens]);

    /// <summary>What the names compared name: the query's type if given, else the entry's.</summary>
    private static PartyType TypeOf(ScreeningQuery query, ListEntry entry) => query.Type != PartyType.Unknown ? query.Type : entry.Type;

    /// <summary>The names worth scoring for one normalised query.</summary>
    private List<int> Candidates(NormalizedName query, ScreeningQuery screening, double threshold, Scratch scratch)
    {
        scratch.ResetNames();
        var tokens = query.Tokens;
        var ofac = screening.Mode == ScoringMode.Ofac;
        var order = new List<(int Index, double Weight)>(tokens.Length);
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].IsSignificant)
            {
                order.Add((k, Rarity.Weight(tokens[k])));
            }
        }
        var total = order.Sum(o => o.Weight);
        // Rarest words first: once the words left could not lift a name to the threshold on their own, they only add
        // to names already found (the max-score rule of search engines).
        order.Sort(static (x, y) => y.Weight.CompareTo(x.Weight));
        var remaining = total;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, weight) in order)
        {
            var token = tokens[k];
            var create = ofac || Bound(remaining, total, 0) >= threshold - BoundSlack;
            remaining -= weight;
            // A word repeated more often than any listed name repeats a word finds no name its earlier occurrences did
            // not, and could pair with no further token of it: gathering again would only make every name using the
            // word look like a full match ("trading trading trading …") and have it scored, at a cost that grows with
            // the query.
            var seen = occurrences[token.Text] = occurrences.GetValueOrDefault(token.Text) + 1;
            if (seen > _mostRepeats)
            {
                continue;
            }
            scratch.NextStamp();
            var similar = SimilarWords(token, scratch);
            similar.Sort(static (x, y) => y.Similarity.CompareTo(x.Similarity));
            foreach (var (word, similarity) in similar)
            {
                Gather(_postings[word], weight * similarity, scratch, create);
            }
            // This word joined with the next one or two may be one listed word ("al qaeda", "alqaeda"; "jin ping", "jinping").
            var joined = token.Text;
            for (var next = k + 1; next < tokens.Length && next <= k + 2 && tokens[next].Kind != TokenKind.Number; next++)
            {
                joined += tokens[next].Text;
                if (_vocabulary.TryGetIndex(joined, out var word))
                {
                    Gather(_postings[word], weight, scratch, create);
                }
                var keyed = token.Script switch
                {
                    TokenScript.Hangul => _byKorean[SpellingKeys.Korean(joined)],
                    TokenScript.Abjad => _byConsonants[SpellingKeys.Consonants(joined)],
                    _ => [],
                };
                foreach (var w in keyed)
                {
                    Gather(_postings[w], weight * 0.85, scratch, create);
                }
            }
        }
        if (query.Compact.Length > 0 && _byCompact.TryGetValue(query.Compact, out var same))
        {
            scratch.NextStamp();
            Gather(same, total, scratch, create: true);
        }

        var candidates = new List<int>();
        foreach (var n in scratch.Touched)
        {
            var gathered = Math.Min(scratch.Gathered[n], total);
            if ((ofac || Bound(gathered, total, _nameWeights[n]) >= threshold - BoundSlack)
                && (screening.Lists is null || screening.Lists.Contains(Entry(EntryOf(n)).List)))
            {
                candidates.Add(n);
            }
        }
        return candidates;
    }

    /// <summary>Margin below the threshold at which candidates are still scored: the bound is close, not exact.</summary>
    private const double BoundSlack = 0.05;

    /// <summary>
    /// The best score a name can reach when query words of weight <paramref name="gathered"/> pair with it: those
    /// pairing exactly, every other word of the query and of the name merely omitted.
    /// </summary>
    private static double Bound(double gathered, double total, double nameWeight)
    {
        if (gathered <= 0)
        {
            return 0;
        }
        var omitted = (total - gathered) + Math.Max(0, nameWeight - gathered);
        return gathered / (gathered + NameComparer.OmissionFactor * omitted);
    }

    private static void Gather(ReadOnlySpan<int> names, double amount, Scratch scratch, bool create)
    {
        if (create)
        {
            foreach (var n in names)
            {
                scratch.Add(n, amount);
            }
        }
        else if (names.Length > 4 * scratch.Touched.Count)
        {
            // Postings are in name order: look the found names up rather than walk a long list.
            foreach (var n in scratch.Touched)
            {
                if (names.BinarySearch(n) >= 0)
                {
                    scratch.AddToFound(n, amount);
                }
            }
        }
        else
        {
            foreach (var n in names)
            {
                scratch.AddToFound(n, amount);
            }
        }
    }

    /// <summary>Listed words that could pair with a query word: equal, a few edits away, alike in sound or consonants.</summary>
    private List<(int Word, double Similarity)> SimilarWords(NameToken token, Scratch scratch)
    {
        var found = scratch.Words;
        found.Clear();
        scratch.ResetWords();
        if (_vocabulary.TryGetIndex(token.Text, out var exact))
        {
            scratch.SeenWord(exact);
            found.Add((exact, 1));
        }
        if (token.Kind == TokenKind.Number)
        {
            return found;
        }
        void Consider(int word)
        {
            if (scratch.SeenWord(word))
            {
                var (similarity, _) = TokenSimilarity.Compare(token, Word(word));
                if (similarity >= NameComparer.PairingFloor)
                {
                    found.Add((word, similarity));
                }
            }
        }
        if (_byPhonetic.TryGetValue(token.Phonetic, out var alike))
        {
            foreach (var word in alike)
            {
                Consider(word);
            }
        }
        if (token.Script == TokenScript.Hangul && _byKorean.TryGetValue(SpellingKeys.Korean(token.Text), out var korean))
        {
            foreach (var word in korean)
            {
                Consider(word);
            }
        }
        if (token.FromAbjad)
        {
            foreach (var key in (string[])[token.Consonants, token.Consonants.Length >= 3 && token.Consonants[0] == 'l' ? token.Consonants[1..] : ""])
            {
                if (key.Length > 0 && _byConsonants.TryGetValue(key, out var consonants))
                {
                    foreach (var word in consonants)
                    {
                        Consider(word);
                    }
                }
            }
        }
        // Words a few typing slips away.
        var near = scratch.Near;
        near.Clear();
        _neighbours.Near(token.Text, near);
        foreach (var word in near)
        {
            Consider(word);
        }
        return found;
    }

    private static KeyedGroups Group(NameToken[] vocabulary, Func<NameToken, string?> key)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            if (key(vocabulary[i]) is { } k)
            {
                if (!groups.TryGetValue(k, out var list))
                {
                    groups.Add(k, list = []);
                }
                list.Add(i);
            }
        }
        return KeyedGroups.Of(groups);
    }

    /// <summary>Per-thread working memory of a query, reused so that screening allocates little.</summary>
    private sealed class Scratch
    {
        public double[] Gathered = [];
        public int[] Stamps = [];
        public List<int> Touched { get; } = [];
        public List<(int Word, double Similarity)> Words { get; } = [];
        public HashSet<int> Near { get; } = [];
        private int[] _wordSeen = [];
        private int _stamp;
        private int _wordStamp;

        public void Ensure(int names, int vocabulary)
        {
            if (Gathered.Length < names)
            {
                Gathered = new double[names];
                Stamps = new int[names];
            }
            if (_wordSeen.Length < vocabulary)
            {
                _wordSeen = new int[vocabulary];
            }
        }

        public void ResetNames()
        {
            foreach (var n in Touched)
            {
                Gathered[n] = 0;
            }
            Touched.Clear();
        }

        public void NextStamp() => _stamp++;

        /// <summary>Adds to a name once per query word: the first, most similar, listed word counts.</summary>
        public void Add(int name, double amount)
        {
            if (Stamps[name] == _stamp)
            {
                return;
            }
            Stamps[name] = _stamp;
            if (Gathered[name] == 0)
            {
                Touched.Add(name);
            }
            Gathered[name] += amount;
        }

        /// <summary>Like <see cref="Add"/>, for names already found only.</summary>
        public void AddToFound(int name, double amount)
        {
            if (Stamps[name] == _stamp || Gathered[name] == 0)
            {
                return;
            }
            Stamps[name] = _stamp;
            Gathered[name] += amount;
        }

        public void ResetWords() => _wordStamp++;

        /// <summary>True the first time a word is seen for the current query word.</summary>
        public bool SeenWord(int word)
        {
            if (_wordSeen[word] == _wordStamp)
            {
                return false;
            }
            _wordSeen[word] = _wordStamp;
            return true;
        }


    }
}
