using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Impact;

/// <summary>
/// Impact analysis takes the open orders as a stream (the store reads them a row at a time): it must look at each once and
/// let it go, so that memory does not grow with the book; and it gives the changes out as it finds them, in the orders'
/// order, so that a rule day that changes much of the book does not grow it either. A few batches are in flight at once
/// (they are decided on every core): that, not the book, bounds what is held.
/// </summary>
public sealed class ImpactStreamingTests
{
    private static DecisionBasis Basis =>
        DecisionBasis.Of(BundledRules.Rules, BundledRules.Catalog, ScreeningIndex.Build([]), ImmutableSortedDictionary<string, string>.Empty, LicenseBook.Empty);

    private static Transaction Order() => BundledRules.Catalog.Complete(Repository.Sample("nxt2050i-to-us-2024-02-01.json"));

    // Before: no list known, so parties are unscreened. After: the lists known, and holding nobody.
    private static ImpactSide Unscreened => new(new LocalDate(2024, 1, 1), Basis);

    private static ImpactSide Screened => new(new LocalDate(2026, 1, 1), Basis with
    {
        Screen = new PartyScreen(ScreeningIndex.Build([]), BundledRules.Rules.ListsDecided),
        ListVersions = ImmutableSortedDictionary<string, string>.Empty.Add("el", "2026-01-01"),
    });

    [Fact]
    public void Impact_reads_each_order_once_and_holds_none_it_has_passed()
    {
        var template = Order();
        var basis = Basis;
        var side = new ImpactSide(new LocalDate(2026, 1, 1), basis);
        var produced = new List<WeakReference<Transaction>>();
        var aliveWhenLate = -1;

        IEnumerable<Transaction> Book()
        {
            for (var i = 0; i < Orders; i++)
            {
                // Each order a new object, with its own parties, as the store makes one per row.
                var order = template with { Id = $"SO-{i}", Parties = [new Party(PartyRole.EndUser, $"Customer {i} B.V.", CountryCode.Parse("US"), null)] };
                produced.Add(new WeakReference<Transaction>(order));
                if (i == Orders - 100)
                {
                    aliveWhenLate = Alive(produced);
                }
                yield return order;
            }
        }

        // The same knowledge on both sides: nothing changes, so the report keeps no order.
        var report = ImpactAnalysis.Run(Book(), side, side);

        report.Evaluated.ShouldBe(Orders);
        report.Changes.ShouldBeEmpty();
        produced.Count.ShouldBe(Orders);
        // A buffered read (ToList, an array) would keep all the orders before this one alive.
        aliveWhenLate.ShouldBeLessThanOrEqualTo(InFlight);
    }

    [Fact]
    public async Task Impact_gives_each_change_out_in_the_orders_order_as_it_is_found_and_keeps_none()
    {
        var template = Order();
        // Orders that name no party: license-required while no list is known (unscreened), review once the lists are known and
        // the order names nobody to screen. Every order changes, materially.
        var (before, after) = (Unscreened, Screened);
        var orders = Enumerable.Range(0, Orders).Select(i => template with { Id = $"SO-{i:D5}", Parties = [] }).ToList();
        var tally = new ImpactTally();
        var seen = new List<WeakReference<ImpactChange>>();
        var ids = new List<string>();
        var aliveWhenLate = -1;

        await foreach (var change in ImpactAnalysis.ChangesAsync(orders.ToAsyncEnumerable(), o => o, before, after, tally))
        {
            ids.Add(change.Order.Id);
            seen.Add(new WeakReference<ImpactChange>(change));
            if (ids.Count == Orders - 100)
            {
                aliveWhenLate = Alive(seen);
            }
        }

        ids.ShouldBe(orders.Select(o => o.Id));
        var summary = tally.Summary(before.KnownAt, after.KnownAt);
        (summary.Evaluated, summary.Material, summary.Unchanged).ShouldBe((Orders, Orders, 0));
        // Holding the changes for a report at the end would keep every one of them alive.
        aliveWhenLate.ShouldBeLessThanOrEqualTo(InFlight);
    }

    [Fact]
    public async Task Impact_decided_on_several_cores_reports_what_deciding_one_order_at_a_time_reports()
    {
        var template = Order();
        var (before, after) = (Unscreened, Screened);
        // Two orders in three change (those naming no party, as above): changes spread over batches that finish in any order.
        var orders = Enumerable.Range(0, 3 * ImpactAnalysis.BatchSize + 7)
            .Select(i => template with { Id = $"SO-{i:D5}", Parties = i % 3 == 0 ? template.Parties : [] }).ToList();

        var tally = new ImpactTally();
        var changes = await ImpactAnalysis.ChangesAsync(orders.ToAsyncEnumerable(), o => o, before, after, tally).ToListAsync();
        var together = new ImpactReport(tally.Summary(before.KnownAt, after.KnownAt), [.. changes]);
        var oneByOne = orders.Select(o => ImpactAnalysis.Run([o], before, after)).ToList();

        together.Material.ShouldBeGreaterThan(ImpactAnalysis.BatchSize);

        together.Changes.Select(c => c.Order.Id).ShouldBe(oneByOne.SelectMany(r => r.Changes).Select(c => c.Order.Id));
        together.Changes.Select(c => DeterminationJson.ToText(c.After)).ShouldBe(oneByOne.SelectMany(r => r.Changes).Select(c => DeterminationJson.ToText(c.After)));
        (together.Evaluated, together.Material, together.Immaterial).ShouldBe((orders.Count, oneByOne.Sum(r => r.Material), oneByOne.Sum(r => r.Immaterial)));
    }

    [Fact]
    public void A_change_is_written_with_the_members_of_CONTRACT_section_6_and_each_side_as_its_determination_gives_it()
    {
        var (before, after) = (Unscreened, Screened);
        var order = Order() with { Parties = [], Value = new Money(1_234_567.89m, "EUR") };

        var change = ImpactAnalysis.Run([order], before, after).Changes.ShouldHaveSingleItem();

        var text = ImpactJson.ToText(change);
        var tree = JsonNode.Parse(text)!.AsObject();
        tree.ToJsonString().ShouldBe(text);
        tree.Select(p => p.Key).ShouldBe(["transaction", "date", "value", "material", "worse", "before", "after", "because"]);
        tree["value"]!.ToJsonString().ShouldBe("""{"currency":"EUR","amount":1234567.89}""");
        var determination = DeterminationJson.ToJson(change.After);
        foreach (var member in new[] { "outcome", "jurisdictions", "ruleVersions", "listVersions" })
        {
            tree["after"]![member]!.ToJsonString().ShouldBe(determination[member]!.ToJsonString());
        }
        tree["after"]!.AsObject().Select(p => p.Key).ShouldBe(["outcome", "jurisdictions", "ruleVersions", "listVersions"]);
    }

    [Fact]
    public void An_order_that_changes_because_lists_became_known_says_so()
    {
        var order = Order() with { Parties = [] };

        var change = ImpactAnalysis.Run([order], Unscreened, Screened).Changes.ShouldHaveSingleItem();

        (change.Before.Outcome, change.After.Outcome).ShouldBe((Outcome.LicenseRequired, Outcome.Review));
        change.Because.ShouldBe(["list el (not held) → 2026-01-01"]);
    }

    private const int Orders = 6_000;

    // Orders or changes a run may hold at once: the batches in flight and the one being read.
    private static int InFlight => (ImpactAnalysis.BatchesInFlight + 1) * ImpactAnalysis.BatchSize;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Alive<T>(List<WeakReference<T>> produced) where T : class
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return produced.Count(w => w.TryGetTarget(out _));
    }
}
