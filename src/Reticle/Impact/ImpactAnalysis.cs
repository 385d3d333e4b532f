using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NodaTime;
using Reticle.Determination;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Time;

namespace Reticle.Impact;

/// <summary>
/// Re-decides every open order at its own date twice, with what was known at two dates, and explains the
/// orders whose outcome changes. Pure: the two sides are given, already loaded.
/// </summary>
/// <remarks>
/// A first pass asks the engine for outcomes alone (<see cref="DeterminationEngine.Outcomes"/>), which is
/// cheap; only the orders that change are decided in full, with reasons. Screening depends only on the
/// parties and the lists, so hits are kept per distinct set of parties, and shared by both sides when
/// they hold the same lists and decide the same ones.
/// <para>
/// Orders are taken in batches that are read and decided on every core, a few batches ahead of the caller, and the changes
/// come out in the orders' own order as each batch is done: the result does not depend on the number of cores, and memory
/// holds a few batches, not the book.
/// </para>
/// </remarks>
public static class ImpactAnalysis
{
    /// <summary>Orders read and decided together by one task.</summary>
    public const int BatchSize = 256;

    /// <summary>Batches in flight at once by default: enough to keep every core busy while the caller reads the next orders and writes changes.</summary>
    public static int BatchesInFlight => 2 * Environment.ProcessorCount;

    /// <summary>
    /// The whole report, changes held, decided on the calling thread: for a few orders (a job's shard, whose worker already
    /// runs shards side by side; tests). A whole book goes through <see cref="ChangesAsync{T}"/>, on every core.
    /// </summary>
    /// <param name="orders">Open orders, completed from the catalogue, each dated with its planned date.</param>
    public static ImpactReport Run(IEnumerable<Transaction> orders, ImpactSide before, ImpactSide after, ImpactOptions? options = null)
    {
        var comparison = new Comparison(before, after, options ?? ImpactOptions.Default);
        var tally = new ImpactTally();
        var changes = ImmutableArray.CreateBuilder<ImpactChange>();
        foreach (var order in orders)
        {
            var (change, immaterial) = comparison.Assess(order);
            tally.Count(1, immaterial ? 1 : 0);
            if (change is not null)
            {
                tally.Add(change);
                changes.Add(change);
            }
        }
        return new ImpactReport(tally.Summary(before.KnownAt, after.KnownAt), changes.ToImmutable());
    }

    /// <summary>
    /// The changes, in the orders' order, as they are found; <paramref name="tally"/> holds the counts and the value at stake
    /// once the last one has been taken.
    /// </summary>
    /// <param name="orders">
    /// The open orders, enumerated once and not kept: a caller that streams them from the store holds a few batches at a time.
    /// </param>
    /// <param name="read">
    /// Makes an order of each element (completed from the catalogue, dated with its planned date); runs on the deciding
    /// cores, as reading a stored order costs more than deciding it.
    /// </param>
    public static async IAsyncEnumerable<ImpactChange> ChangesAsync<T>(IAsyncEnumerable<T> orders, Func<T, Transaction> read, ImpactSide before, ImpactSide after,
        ImpactTally tally, ImpactOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var comparison = new Comparison(before, after, options ?? ImpactOptions.Default);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<Batch>>();
        await using var source = orders.GetAsyncEnumerator(cancellationToken);
        var more = true;
        try
        {
            while (true)
            {
                while (more && pending.Count < BatchesInFlight)
                {
                    var batch = new List<T>(BatchSize);
                    while (batch.Count < BatchSize && (more = await source.MoveNextAsync()))
                    {
                        batch.Add(source.Current);
                    }
                    if (batch.Count > 0)
                    {
                        pending.Enqueue(Task.Run(() => comparison.Assess(batch, read, stop.Token), stop.Token));
                    }
                }
                if (pending.Count == 0)
                {
                    yield break;
                }
                var done = await pending.Dequeue();
                tally.Count(done.Evaluated, done.Immaterial);
                foreach (var change in done.Changes)
                {
                    tally.Add(change);
                    yield return change;
                }
            }
        }
        finally
        {
            // The caller stopped early (an error, a cancellation, a failed write): the batches still running are not wanted.
            // They are stopped and waited for, so that no deciding outlives the run; what they throw on the way out is theirs.
            await stop.CancelAsync();
            foreach (var task in pending)
            {
                await task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private sealed record Batch(int Evaluated, int Immaterial, List<ImpactChange> Changes);

    /// <summary>The two sides and what they share while one run decides its orders on several cores at once.</summary>
    private sealed class Comparison
    {
        private readonly ImpactSide _before;
        private readonly ImpactSide _after;
        private readonly ImpactOptions _options;
        private readonly HitCache _beforeHits = new();
        private readonly HitCache _afterHits;
        private readonly bool _sameJurisdictions;

        public Comparison(ImpactSide before, ImpactSide after, ImpactOptions options)
        {
            (_before, _after, _options) = (before, after, options);
            var (knownA, knownB) = (before.Basis, after.Basis);
            var sameLists = knownA.ListVersions.SequenceEqual(knownB.ListVersions) && knownA.Rules.ListsDecided.SetEquals(knownB.Rules.ListsDecided);
            _afterHits = sameLists ? _beforeHits : new HitCache();
            _sameJurisdictions = knownA.Rules.Jurisdictions.SequenceEqual(knownB.Rules.Jurisdictions);
        }

        public Batch Assess<T>(List<T> items, Func<T, Transaction> read, CancellationToken cancellationToken)
        {
            var changes = new List<ImpactChange>();
            var immaterial = 0;
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var order = read(item);
                var (change, moved) = Assess(order);
                immaterial += moved ? 1 : 0;
                if (change is not null)
                {
                    changes.Add(change);
                }
            }
            return new Batch(items.Count, immaterial, changes);
        }

        // The change to report, if any, and whether the order moved only between not-applicable and permitted.
        public (ImpactChange? Change, bool Immaterial) Assess(Transaction order)
        {
            var (knownA, knownB) = (_before.Basis, _after.Basis);
            var parties = HitCache.KeyOf(order);
            var hitsBefore = _beforeHits.Screen(knownA, order, parties);
            var hitsAfter = _afterHits.Screen(knownB, order, parties);
            var move = Compare(knownA.Outcomes(order, null, hitsBefore), knownB.Outcomes(order, null, hitsAfter));
            if (move == Move.None)
            {
                return (null, false);
            }
            if (move == Move.Immaterial && !_options.IncludeImmaterial)
            {
                return (null, true);
            }
            var full = knownA.Decide(order, null, hitsBefore);
            var fullAfter = knownB.Decide(order, null, hitsAfter);
            var material = move == Move.Material || !SameLicenses(full, fullAfter);
            if (!material && (move == Move.LicensesToCompare || !_options.IncludeImmaterial))
            {
                return (null, move != Move.LicensesToCompare);
            }
            var because = _options.Explain is { } explain ? explain(full, fullAfter) : Explain(full, _before, fullAfter, _after);
            return (new ImpactChange(order, full, fullAfter, because, material), !material);
        }

        private Move Compare(OutcomeSummary a, OutcomeSummary b)
        {
            if (a.Outcome.ClassOf() != b.Outcome.ClassOf())
            {
                return Move.Material;
            }
            var (exact, licensedBoth) = (a.Outcome == b.Outcome, false);
            var rulesA = _before.Basis.Rules.Jurisdictions;
            IEnumerable<string> names = _sameJurisdictions ? rulesA : rulesA.Union(_after.Basis.Rules.Jurisdictions);
            var i = 0;
            foreach (var j in names)
            {
                var (x, y) = _sameJurisdictions ? (a.Jurisdictions[i], b.Jurisdictions[i]) : (Of(a, _before, j), Of(b, _after, j));
                i++;
                if (x.ClassOf() != y.ClassOf())
                {
                    return Move.Material;
                }
                exact &= x == y;
                licensedBoth |= x == Outcome.Licensed && y == Outcome.Licensed;
            }
            return licensedBoth ? exact ? Move.LicensesToCompare : Move.ImmaterialUnlessLicenses : exact ? Move.None : Move.Immaterial;
        }
    }

    // None: same outcomes, no licence on both sides. Immaterial: moves only between not-applicable and permitted, no licence
    // on both sides. LicensesToCompare: same outcomes, and a jurisdiction licensed on both sides, whose covering licence only
    // the full decisions tell. ImmaterialUnlessLicenses: moves only between not-applicable and permitted, and a jurisdiction
    // licensed on both sides (material if its licence changed). Material: an outcome changed class.
    private enum Move
    {
        None,
        Immaterial,
        LicensesToCompare,
        ImmaterialUnlessLicenses,
        Material,
    }

    // The licence line that covers each jurisdiction; a change of it is material even when the outcomes are the same.
    private static bool SameLicenses(Determination.Determination before, Determination.Determination after)
    {
        foreach (var j in before.Jurisdictions)
        {
            var other = after.Jurisdictions.FirstOrDefault(x => x.Jurisdiction == j.Jurisdiction);
            if ((j.License?.LicenseId, j.License?.Line) != (other?.License?.LicenseId, other?.License?.Line))
            {
                return false;
            }
        }
        return after.Jurisdictions.All(j => j.License is null || before.Jurisdictions.Any(x => x.Jurisdiction == j.Jurisdiction));
    }

    /// <summary>
    /// Hits per distinct set of parties, shared by the cores deciding one run. A book's counterparties repeat (the benchmark's
    /// 100,000 orders have 2,000), but a book of unique ones must not grow the cache with the book: past the bound it starts
    /// again. Null hits: no list known on that side, so the parties are unscreened (see DecisionBasis).
    /// </summary>
    private sealed class HitCache
    {
        private const int Kept = 50_000;
        private readonly ConcurrentDictionary<string, ImmutableArray<PartyHit>?> _hits = new(StringComparer.Ordinal);
        private int _count;

        /// <summary>The order's set of parties as a key: made once per order, for both sides.</summary>
        public static string KeyOf(Transaction order) =>
            string.Join("\u001f", order.Parties.Select(p => $"{(int)p.Role}\u001e{p.Name}\u001e{p.Country.Value}"));

        public ImmutableArray<PartyHit>? Screen(DecisionBasis basis, Transaction order, string key)
        {
            if (_hits.TryGetValue(key, out var hits))
            {
                return hits;
            }
            hits = basis.ScreenParties(order);
            if (_hits.TryAdd(key, hits) && Interlocked.Increment(ref _count) >= Kept)
            {
                // Two cores may both clear: harmless, the cache only saves work.
                _hits.Clear();
                Interlocked.Exchange(ref _count, 0);
            }
            return hits;
        }
    }

    // Jurisdictions are compared by name: a rule set may know a jurisdiction the other does not (not-applicable there).
    private static Outcome Of(OutcomeSummary summary, ImpactSide side, string jurisdiction)
    {
        var i = IndexOf(side.Basis.Rules.Jurisdictions, jurisdiction);
        return i < 0 ? Outcome.NotApplicable : summary.Jurisdictions[i];
    }

    private static int IndexOf(IReadOnlyList<string> jurisdictions, string jurisdiction)
    {
        for (var i = 0; i < jurisdictions.Count; i++)
        {
            if (jurisdictions[i] == jurisdiction)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Why the outcome changed: the licence events announced between the two dates for the licences either
    /// determination looked at, the rule packs that differ for a jurisdiction whose outcome changed, and the
    /// list snapshots that differ when the screening differs.
    /// </summary>
    private static ImmutableArray<string> Explain(Determination.Determination before, ImpactSide a, Determination.Determination after, ImpactSide b)
    {
        var because = ImmutableArray.CreateBuilder<string>();
        var changed = before.Jurisdictions.Select(j => j.Jurisdiction).Union(after.Jurisdictions.Select(j => j.Jurisdiction))
            .Where(j => OutcomeOf(before, j) != OutcomeOf(after, j)).ToList();

        var licences = before.Jurisdictions.Concat(after.Jurisdictions)
            .Where(j => changed.Contains(j.Jurisdiction))
            .SelectMany(j => j.LicensesConsidered.Select(c => c.LicenseId).Concat(j.License is { } l ? [l.LicenseId] : []))
            .ToHashSet(StringComparer.Ordinal);
        var (from, to) = a.KnownAt <= b.KnownAt ? (a.KnownAt, b.KnownAt) : (b.KnownAt, a.KnownAt);
        foreach (var e in b.Basis.Licenses.Events.Where(e => licences.Contains(e.LicenseId) && e.Announced > from && e.Announced <= to))
        {
            because.Add(Describe(e));
        }

        foreach (var jurisdiction in changed)
        {
            var rulesBefore = Versions(before, jurisdiction);
            var rulesAfter = Versions(after, jurisdiction);
            if (rulesBefore != rulesAfter)
            {
                because.Add($"{jurisdiction} rules {(rulesBefore.Length == 0 ? "(none in force)" : rulesBefore)} → {(rulesAfter.Length == 0 ? "(none in force)" : rulesAfter)}");
            }
        }

        var hitsBefore = before.Screening.Select(Hit).ToHashSet(StringComparer.Ordinal);
        var hitsAfter = after.Screening.Select(Hit).ToHashSet(StringComparer.Ordinal);
        // The lists matter when the hits differ, and when one side knew no list at all: its parties were unscreened, which
        // decides on its own (an order naming nobody to screen goes to review only once lists are known).
        if (!hitsBefore.SetEquals(hitsAfter) || (a.Basis.Screen is null) != (b.Basis.Screen is null))
        {
            foreach (var dataset in a.Basis.ListVersions.Keys.Union(b.Basis.ListVersions.Keys).Order(StringComparer.Ordinal))
            {
                var va = a.Basis.ListVersions.GetValueOrDefault(dataset);
                var vb = b.Basis.ListVersions.GetValueOrDefault(dataset);
                if (va != vb)
                {
                    because.Add($"list {dataset} {va ?? "(not held)"} → {vb ?? "(not held)"}");
                }
            }
            foreach (var hit in hitsAfter.Except(hitsBefore))
            {
                because.Add($"screening: new hit {hit}");
            }
            foreach (var hit in hitsBefore.Except(hitsAfter))
            {
                because.Add($"screening: hit no longer found {hit}");
            }
        }
        if (because.Count == 0)
        {
            because.Add($"licence balances known at {EffectivePeriod.Format(a.KnownAt)} and at {EffectivePeriod.Format(b.KnownAt)} differ");
        }
        return because.ToImmutable();
    }

    private static Outcome? OutcomeOf(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction)?.Outcome;

    private static string Versions(Determination.Determination d, string jurisdiction) =>
        d.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction) is { } j ? string.Join(", ", j.RuleVersions) : "";

    private static string Hit(PartyHit h) => $"{h.PartyName} ~ {h.Hit.Entry.Name} ({h.Hit.Entry.List}, {h.Status})";

    /// <summary>"licence NL-2023-0042 line 1 revoked from 2024-01-01 (announced 2024-01-01): reason", as the report gives it.</summary>
    public static string Describe(LicenseEvent e) => e switch
    {
        LicenseIssued i => $"licence {i.LicenseId} issued (announced {EffectivePeriod.Format(i.Announced)})",
        LicenseAmended m => $"licence {m.LicenseId} amended from {EffectivePeriod.Format(m.Effective)} (announced {EffectivePeriod.Format(m.Announced)}){(m.Reason is null ? "" : ": " + m.Reason)}",
        LicenseRevoked r => $"licence {r.LicenseId}{(r.Scope is RevocationScope.WholeLicense ? "" : " " + r.Scope)} {r.Describe()}",
        LicenseUse u => $"licence {u.LicenseId} line {u.Line}: {u.Quantity} {LicenseEventJson.TypeOf(u)} for {u.Reference} (announced {EffectivePeriod.Format(u.Announced)})",
        _ => $"licence {e.LicenseId}: {e.GetType().Name} (announced {EffectivePeriod.Format(e.Announced)})",
    };
}
