using NodaTime;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>
/// The facts of one transaction laid out in slots for compiled conditions: parameters by index
/// (resolved once at compile time) instead of looked up by name on every test.
/// </summary>
public sealed class Facts
{
    private Facts(int numberCount, int textCount, int controlCount, int namedCount, int classifiedCount)
    {
        Numbers = new decimal?[numberCount];
        Texts = new string?[textCount];
        ControlTruth = new Truth?[controlCount];
        NamedTruth = new Truth?[namedCount];
        ClassifiedTruth = new Truth?[classifiedCount];
        Transaction = null!;
    }

    // A determination lays out several hundred slots (parameters, entries, named conditions) and fills a few dozen:
    // the slot arrays of the last determination on this thread are cleared and used again instead of allocated anew.
    // Nothing a determination returns refers to them, so reuse cannot change a result.
    [ThreadStatic]
    private static Facts? t_spare;

    // The next spare on this thread (a component's facts come with its parent's).
    private Facts? _nextSpare;

    /// <summary>
    /// Facts for one act, laid out for <paramref name="rules"/>: scratch of an earlier determination on this thread
    /// when its sizes fit, else new. Hand them back with <see cref="Release"/> once nothing more is read from them.
    /// </summary>
    internal static Facts Rent(RuleSet rules, Transaction transaction, LocalDate date, IReadOnlyList<PartyListing>? listings, Facts? parent)
    {
        var facts = t_spare;
        if (facts is not null)
        {
            t_spare = facts._nextSpare;
            facts._nextSpare = null;
        }
        var (numberCount, textCount) = rules.Parameters.Counts;
        if (facts is null || facts.Numbers.Length != numberCount || facts.Texts.Length != textCount || facts.ControlTruth.Length != rules.ControlCount
            || facts.NamedTruth.Length != rules.NamedCount || facts.ClassifiedTruth.Length != rules.ClassifiedCount)
        {
            facts = new Facts(numberCount, textCount, rules.ControlCount, rules.NamedCount, rules.ClassifiedCount);
        }
        facts.Transaction = transaction;
        facts.Date = date;
        facts.Listings = listings;
        facts.Parent = parent;
        rules.Parameters.Lay(transaction.Item, facts.Numbers, facts.Texts, facts._laid);
        facts.Day = DayNumber.Of(date);
        facts.Kind = rules.Parameters.KindSlot is var kind and >= 0 ? facts.Texts[kind] : null;
        return facts;
    }

    /// <summary>Hands these facts (and their parent's) back for the next determination on this thread, emptied.</summary>
    internal static void Release(Facts facts)
    {
        for (Facts? f = facts; f is not null;)
        {
            var parent = f.Parent;
            f.Clear();
            f._nextSpare = t_spare;
            t_spare = f;
            f = parent;
        }
    }

    private void Clear()
    {
        // Only the slots filled are emptied: an item gives a handful of the rule set's parameters, and a determination
        // explains a few dozen of its entries (clearing every slot cost more than the rest of deciding outcomes).
        foreach (var (slot, isText) in _laid)
        {
            if (isText)
            {
                Texts[slot] = null;
            }
            else
            {
                Numbers[slot] = null;
            }
        }
        _laid.Clear();
        if (_controlExplanation is not null)
        {
            foreach (var slot in _explainedControls)
            {
                _controlExplanation[slot] = null;
            }
        }
        _explainedControls.Clear();
        Array.Clear(ControlTruth);
        Array.Clear(NamedTruth);
        Array.Clear(ClassifiedTruth);
        if (_parameterDescriptions is not null)
        {
            Array.Clear(_parameterDescriptions);
        }
        if (_namedExplanation is not null)
        {
            Array.Clear(_namedExplanation);
        }
        _formulaDescriptions?.Clear();
        _dateText = null;
        Transaction = null!;
        Listings = null;
        Parent = null;
        Kind = null;
        CurrentPerson = null;
        CurrentPersonIndex = 0;
        NamedUsed.Clear();
        Applies.Clear();
        ScratchWords.Clear();
    }

    /// <summary>A list of words one explanation step collects and writes out before the next one starts.</summary>
    internal List<string> ScratchWords { get; } = [];

    /// <summary>The requirement rules of the jurisdiction being decided, with whether each applies (the engine's working list).</summary>
    internal List<(CompiledRequirement Rule, Truth Truth)> Applies { get; } = [];

    public Transaction Transaction { get; private set; }

    /// <summary>What screening found for the parties; <c>null</c> when they were not screened (then list tests are unknown).</summary>
    public IReadOnlyList<PartyListing>? Listings { get; private set; }

    /// <summary>The date the act is evaluated on (the transaction's date, or <c>--as-of</c>).</summary>
    public LocalDate Date { get; private set; }

    /// <summary><see cref="Date"/> as a day number (<see cref="DayNumber"/>), for the engine's in-force tests.</summary>
    internal int Day { get; private set; }

    /// <summary>The item's kind parameter (lithography, etch…), or null when not given.</summary>
    internal string? Kind { get; private set; }

    /// <summary>The date as findings print it (ISO), formatted once.</summary>
    public string DateText => _dateText ??= Time.EffectivePeriod.Format(Date);

    private string? _dateText;

    internal decimal?[] Numbers { get; }
    internal string?[] Texts { get; }

    /// <summary>The facts of the item this one is a specially designed component for, if any.</summary>
    public Facts? Parent { get; private set; }

    /// <summary>
    /// The parent as a control entry's "specially designed components and accessories therefor" reads it: only
    /// for goods. Software and technology name the item they are for the same way, but they are not its
    /// components: Annex I and the CCL list them in their own entries (D and E), reached by <c>designedFor(...)</c>.
    /// </summary>
    internal Facts? ComponentParent => Parent is not null
        && Transaction.Item.Parameters.TryGetValue("kind", out var kind) && kind.Text is "software" or "technology"
        ? null : Parent;

    /// <summary>Control entries evaluated so far for this transaction (several requirements name the same entry).</summary>
    internal Truth?[] ControlTruth { get; }

    /// <summary>
    /// Control entries explained so far: many requirement rows of one pack name the same entries (every
    /// 3B001 licence row looks at 3B001.f.1), and the reasons are the same each time.
    /// </summary>
    internal ControlExplanation? ControlExplanation(int slot) => _controlExplanation?[slot];

    internal void RememberControlExplanation(int slot, ControlExplanation explanation)
    {
        (_controlExplanation ??= new ControlExplanation?[ControlTruth.Length])[slot] = explanation;
        _explainedControls.Add(slot);
    }

    // The entries explained so far, and the parameter slots laid: what there is to empty before reuse.
    private readonly List<int> _explainedControls = [];
    private readonly List<(int Slot, bool IsText)> _laid = [];

    // Explanation caches are allocated on first use: deciding outcomes alone never explains.
    private ControlExplanation?[]? _controlExplanation;

    /// <summary>Parameters as findings print them ("wavelength 193 nm"), formatted on first use.</summary>
    internal string?[] ParameterDescriptions => _parameterDescriptions ??= new string?[Numbers.Length];

    private string?[]? _parameterDescriptions;

    /// <summary>Formula values as findings print them ("MRF 35.74 nm (K 0.25, …)"), keyed by formula and arguments.</summary>
    internal Dictionary<string, string> FormulaDescriptions => _formulaDescriptions ??= new Dictionary<string, string>(StringComparer.Ordinal);

    private Dictionary<string, string>? _formulaDescriptions;

    /// <summary>
    /// The person an <c>anyPerson(...)</c> test is looking at, and where in <c>personnel[]</c> they are;
    /// <c>null</c> outside such a test (person facts compile only inside one).
    /// </summary>
    internal Person? CurrentPerson { get; set; }

    internal int CurrentPersonIndex { get; set; }

    /// <summary>Named conditions answered so far for this transaction.</summary>
    internal Truth?[] NamedTruth { get; }

    /// <summary><c>classified(...)</c> tests answered so far for this transaction.</summary>
    internal Truth?[] ClassifiedTruth { get; }

    /// <summary>Named conditions explained so far for this transaction: whether they held, why, and the facts they missed.</summary>
    internal NamedConditionResult?[] NamedExplanation => _namedExplanation ??= new NamedConditionResult?[NamedTruth.Length];

    private NamedConditionResult?[]? _namedExplanation;

    // A determination explains a dozen or more results one after another (and some inside others):
    // their scratch collections are reused rather than allocated for each.
    private Stack<Explanation>? _spareExplanations;

    /// <summary>An empty explanation to collect one result's reasons in; give it back with <see cref="Return"/> once read.</summary>
    internal Explanation RentExplanation() => _spareExplanations is { Count: > 0 } spare ? spare.Pop() : new Explanation();

    internal void Return(Explanation explanation)
    {
        explanation.Clear();
        (_spareExplanations ??= new Stack<Explanation>(4)).Push(explanation);
    }

    /// <summary>The named conditions the current jurisdiction's reasons refer to, in the order first used.</summary>
    internal List<int> NamedUsed { get; } = [];

    internal void NoteNamedUse(int slot)
    {
        if (!NamedUsed.Contains(slot))
        {
            NamedUsed.Add(slot);
        }
    }
}
