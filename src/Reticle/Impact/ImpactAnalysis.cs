using System.Collections.Immutable;
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
/// </remarks>
public static class ImpactAnalysis
{
    /// <param name="orders">
    /// Open orders, completed from the catalogue, each dated with its planned date. Enumerated once, an order at a time, and
    /// not kept: a caller that streams them from the store holds only the orders that change.
    /// </param>
    public static ImpactReport Run(IEnumerable<Transaction> orders, ImpactSide before, ImpactSide after, ImpactOptions? options = null)
    {
        options ??= ImpactOptions.Default;
        var (knownA, knownB) = (before.Basis, after.Basis);
        var sameLists = knownA.ListVersions.SequenceEqual(knownB.ListVersions) && knownA.Rules.ListsDecided.SetEquals(knownB.Rules.ListsDecided);
        var beforeHits = new Dictionary<string, ImmutableArray<PartyHit>?>(StringComparer.Ordinal);
        var afterHits = sameLists ? beforeHits : new Dictionary<string, ImmutableArray<PartyHit>?>(StringComparer.Ordinal);
        var changes = ImmutableArray.CreateBuilder<ImpactChange>();
        var (evaluated, immaterial) = (0, 0);
        foreach (var order in orders)
        {
            evaluated++;
            var hitsBefore = Screen(knownA, order, beforeHits);
            var hitsAfter = Screen(knownB, order, afterHits);
            var a = knownA.Outcomes(order, null, hitsBefore);
            var b = knownB.Outcomes(order, null, hitsAfter);
            var move = Compare(a, before, b, after);
            if (move == Move.None || (move == Move.Immaterial && !options.IncludeImmaterial))
            {
                immaterial += move == Move.Immaterial ? 1 : 0;
                continue;
            }
            var full = knownA.Decide(order, null, hitsBefore);
            var fullAfter = knownB.Decide(order, null, hitsAfter);
            var material = move == Move.Material || !SameLicenses(full, fullAfter);
            if (move == Move.LicensesToCompare && !material)
            {
                continue;
            }
            if (!material)
            {
                immaterial++;
            }
            var because = options.Explain is { } explain ? explain(full, fullAfter) : Explain(full, before, fullAfter, after);
            changes.Add(new ImpactChange(order, full, fullAfter, because, material));
        }
        return new ImpactReport(before.KnownAt, after.KnownAt, evaluated, immaterial, changes.ToImmutable());
    }

    // None: same outcomes, no licence on both sides. LicensesToCompare: same classes, and a jurisdiction licensed on both
    // sides, whose covering licence only the full decisions tell. Immaterial: moves only between not-applicable and
    // permitted (though a covering licence may still have changed). Material: an outcome changed class.
    private enum Move
    {
        None,
        LicensesToCompare,
        Immaterial,
        Material,
    }

    private static Move Compare(OutcomeSummary a, ImpactSide before, OutcomeSummary b, ImpactSide after)
    {
        if (a.Outcome.ClassOf() != b.Outcome.ClassOf())
        {
            return Move.Material;
        }
        var (exact, licensedBoth) = (a.Outcome == b.Outcome, false);
        var sameJurisdictions = before.Basis.Rules.Jurisdictions.SequenceEqual(after.Basis.Rules.Jurisdictions);
        IEnumerable<string> names = sameJurisdictions ? before.Basis.Rules.Jurisdictions : before.Basis.Rules.Jurisdictions.Union(after.Basis.Rules.Jurisdictions);
        var i = 0;
        foreach (var j in names)
        {
            var (x, y) = sameJurisdictions ? (a.Jurisdictions[i], b.Jurisdictions[i]) : (Of(a, before, j), Of(b, after, j));
            i++;
            if (x.ClassOf() != y.ClassOf())
            {
                return Move.Material;
            }
            exact &= x == y;
            licensedBoth |= x == Outcome.Licensed && y == Outcome.Licensed;
        }
        return !exact ? Move.Immaterial : licensedBoth ? Move.LicensesToCompare : Move.None;
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

    // Distinct sets of parties whose hits are kept: a book's counterparties repeat (the benchmark's 100,000 orders have
    // 2,000), but a book of unique ones must not grow the cache with the book. Past the bound it starts again.
    private const int HitsKept = 50_000;

    // Null hits: no list known on that side, so the parties are unscreened (see DecisionBasis).
    private static ImmutableArray<PartyHit>? Screen(DecisionBasis basis, Transaction order, Dictionary<string, ImmutableArray<PartyHit>?> cache)
    {
        var key = string.Join("\u001f", order.Parties.Select(p => $"{(int)p.Role}\u001e{p.Name}\u001e{p.Country.Value}"));
        if (!cache.TryGetValue(key, out var hits))
        {
            if (cache.Count >= HitsKept)
            {
                cache.Clear();
            }
            cache[key] = hits = basis.ScreenParties(order);
        }
        return hits;
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
        if (!hitsBefore.SetEquals(hitsAfter))
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
