using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>
/// Every licence recorded, as the events that happened to it. Immutable: <see cref="With"/> gives a
/// new book. The state of any licence on any date, as known at any date, is derived from the events.
/// </summary>
/// <remarks>
/// Licences are indexed once by jurisdiction and by the SKU or classification their lines name, so
/// that deciding a transaction folds only the few licences that could be for its item, not the whole book.
/// </remarks>
public sealed class LicenseBook
{
    private readonly ImmutableDictionary<string, LicenseHistory> _histories;
    private readonly FrozenDictionary<string, ItemIndex> _index;

    private LicenseBook(ImmutableDictionary<string, LicenseHistory> histories, ImmutableArray<LicenseEvent> events)
    {
        _histories = histories;
        Events = events;
        _index = Index(histories.Values);
    }

    public static LicenseBook Empty { get; } = new(ImmutableDictionary<string, LicenseHistory>.Empty.WithComparers(StringComparer.Ordinal), []);

    /// <summary>All events in the order they were recorded.</summary>
    public ImmutableArray<LicenseEvent> Events { get; }

    public IEnumerable<LicenseHistory> Histories => _histories.Values.OrderBy(h => h.Id, StringComparer.Ordinal);

    public LicenseHistory? History(string id) => _histories.GetValueOrDefault(id);

    /// <summary>
    /// A book from events recorded earlier, in their recorded order. Throws if they are inconsistent
    /// (they were checked when recorded, so that is a broken store, not bad input).
    /// </summary>
    public static LicenseBook From(IEnumerable<LicenseEvent> events)
    {
        var histories = ImmutableDictionary.CreateBuilder<string, LicenseHistory>(StringComparer.Ordinal);
        var all = ImmutableArray.CreateBuilder<LicenseEvent>();
        foreach (var e in events)
        {
            if (Check(histories.GetValueOrDefault(e.LicenseId), e) is { } error)
            {
                throw new ArgumentException($"event {all.Count + 1} ({e.GetType().Name} of {e.LicenseId}): {error}", nameof(events));
            }
            histories[e.LicenseId] = Apply(histories.GetValueOrDefault(e.LicenseId), e);
            all.Add(e);
        }
        return new LicenseBook(histories.ToImmutable(), all.ToImmutable());
    }

    /// <summary>Why the event cannot be recorded in this book (an unknown licence or line, an overdrawing use…), or <c>null</c>.</summary>
    public string? Check(LicenseEvent e) => Check(_histories.GetValueOrDefault(e.LicenseId), e);

    /// <summary>The book with the event recorded; throws if <see cref="Check"/> finds fault with it.</summary>
    public LicenseBook With(LicenseEvent e)
    {
        var history = _histories.GetValueOrDefault(e.LicenseId);
        if (Check(history, e) is { } error)
        {
            throw new ArgumentException(error, nameof(e));
        }
        return new LicenseBook(_histories.SetItem(e.LicenseId, Apply(history, e)), Events.Add(e));
    }

    /// <summary>One licence on a date as known at a date; <c>null</c> if it was not recorded or not yet known.</summary>
    public LicenseState? StateOf(string id, LocalDate date, LocalDate? knownAt) => History(id)?.StateOn(date, knownAt);

    /// <summary>Every licence known at <paramref name="knownAt"/>, as it stands on <paramref name="date"/>, in id order.</summary>
    public IReadOnlyList<LicenseState> StateOn(LocalDate date, LocalDate? knownAt) =>
        Histories.Select(h => h.StateOn(date, knownAt)).OfType<LicenseState>().ToList();

    /// <summary>
    /// The licences of a jurisdiction that could be for the transaction's item, on the date as known at
    /// a date: those with a line naming its SKU, or (for lines without a SKU) one of its classifications
    /// (declared for the jurisdiction, or <paramref name="classifications"/> the rules found), or only a
    /// description. Any other licence cannot cover it.
    /// </summary>
    public IReadOnlyList<LicenseState> Candidates(string jurisdiction, Transaction transaction, LocalDate date, LocalDate? knownAt,
        IReadOnlyCollection<string>? classifications = null)
    {
        var result = new List<LicenseState>();
        if (!_index.TryGetValue(jurisdiction, out var index))
        {
            return result;
        }
        var item = transaction.Item;
        if (item.Sku is { } sku && index.BySku.TryGetValue(sku, out var forSku))
        {
            AddStates(forSku, date, knownAt, result);
        }
        if (item.Classifications.TryGetValue(jurisdiction, out var declared) && index.ByClassification.TryGetValue(declared.Trim(), out var forDeclared))
        {
            AddStates(forDeclared, date, knownAt, result);
        }
        foreach (var found in classifications ?? [])
        {
            // The engine names entries with their list ("NL-SME-2023 3B001.f.4"); licences name the entry.
            if (index.ByClassification.TryGetValue(found, out var forFound)
                || index.ByClassification.TryGetValue(found[(found.LastIndexOf(' ') + 1)..], out forFound))
            {
                AddStates(forFound, date, knownAt, result);
            }
        }
        AddStates(index.Described, date, knownAt, result);
        return result;
    }

    private static void AddStates(LicenseHistory[] histories, LocalDate date, LocalDate? knownAt, List<LicenseState> result)
    {
        foreach (var history in histories)
        {
            if (!Contains(result, history.Id) && history.StateOn(date, knownAt) is { } state)
            {
                result.Add(state);
            }
        }
    }

    // A licence with lines of several kinds sits in several lists; it is folded once.
    private static bool Contains(List<LicenseState> states, string id)
    {
        foreach (var state in states)
        {
            if (state.Id == id)
            {
                return true;
            }
        }
        return false;
    }

    private static string? Check(LicenseHistory? history, LicenseEvent e) => (history, e) switch
    {
        (null, LicenseIssued) => null,
        (null, _) => $"unknown licence '{e.LicenseId}'",
        _ => history.Check(e),
    };

    private static LicenseHistory Apply(LicenseHistory? history, LicenseEvent e) =>
        history is null ? LicenseHistory.Start((LicenseIssued)e) : history.Append(e);

    /// <summary>The licences of one jurisdiction by what their lines must match.</summary>
    private sealed record ItemIndex(
        FrozenDictionary<string, LicenseHistory[]> BySku,
        FrozenDictionary<string, LicenseHistory[]> ByClassification,
        LicenseHistory[] Described);

    // Every version of the terms is indexed: which one is in force is decided per date when folding.
    // A line is indexed by what it must match: its SKU if it names one, else its classification, else
    // (a description alone) it is looked at for every item of the jurisdiction.
    private static FrozenDictionary<string, ItemIndex> Index(IEnumerable<LicenseHistory> histories)
    {
        var bySku = new Dictionary<(string, string), List<LicenseHistory>>();
        var byClassification = new Dictionary<(string, string), List<LicenseHistory>>();
        var described = new Dictionary<string, List<LicenseHistory>>(StringComparer.Ordinal);
        static void Add<TKey>(Dictionary<TKey, List<LicenseHistory>> index, TKey key, LicenseHistory history) where TKey : notnull
        {
            var list = index.TryGetValue(key, out var existing) ? existing : index[key] = [];
            if (list.Count == 0 || list[^1] != history)
            {
                list.Add(history);
            }
        }
        foreach (var history in histories.OrderBy(h => h.Id, StringComparer.Ordinal))
        {
            foreach (var terms in history.AllTerms())
            {
                foreach (var line in terms.Lines)
                {
                    switch (line.Item)
                    {
                        case { Sku: { } sku }:
                            Add(bySku, (terms.Jurisdiction, sku.ToUpperInvariant()), history);
                            break;
                        case { Classification: { } classification }:
                            Add(byClassification, (terms.Jurisdiction, classification.Trim().ToUpperInvariant()), history);
                            break;
                        default:
                            Add(described, terms.Jurisdiction, history);
                            break;
                    }
                }
            }
        }
        FrozenDictionary<string, LicenseHistory[]> Of(Dictionary<(string, string), List<LicenseHistory>> index, string jurisdiction) =>
            index.Where(p => p.Key.Item1 == jurisdiction).ToFrozenDictionary(p => p.Key.Item2, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        return bySku.Keys.Concat(byClassification.Keys).Select(k => k.Item1).Concat(described.Keys).Distinct()
            .ToFrozenDictionary(j => j, j => new ItemIndex(Of(bySku, j), Of(byClassification, j), described.TryGetValue(j, out var d) ? [.. d] : []),
                StringComparer.Ordinal);
    }
}
