using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Screening.Matching;

namespace Reticle.Tests.Impact;

/// <summary>
/// Impact analysis takes the open orders as a stream (the store reads them a row at a time): it must look at each once and
/// let it go, so that memory does not grow with the book. Only the orders that change are kept, in the report.
/// </summary>
public sealed class ImpactStreamingTests
{
    private static DecisionBasis Basis =>
        DecisionBasis.Of(BundledRules.Rules, BundledRules.Catalog, ScreeningIndex.Build([]), ImmutableSortedDictionary<string, string>.Empty, LicenseBook.Empty);

    private static Transaction Order()
    {
        var errors = new List<InputError>();
        var file = Path.Combine(Repository.Content, "samples", "nxt2050i-to-us-2024-02-01.json");
        var read = TransactionReader.Read(file, File.ReadAllText(file), errors).Transactions.Single();
        errors.ShouldBeEmpty();
        return BundledRules.Catalog.Complete(read);
    }

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
            for (var i = 0; i < 2_000; i++)
            {
                // Each order a new object, with its own parties, as the store makes one per row.
                var order = template with { Id = $"SO-{i}", Parties = [new Party(PartyRole.EndUser, $"Customer {i} B.V.", CountryCode.Parse("US"), null)] };
                produced.Add(new WeakReference<Transaction>(order));
                if (i == 1_900)
                {
                    aliveWhenLate = Alive(produced);
                }
                yield return order;
            }
        }

        // The same knowledge on both sides: nothing changes, so the report keeps no order.
        var report = ImpactAnalysis.Run(Book(), side, side);

        report.Evaluated.ShouldBe(2_000);
        report.Changes.ShouldBeEmpty();
        produced.Count.ShouldBe(2_000);
        // A buffered read (ToList, an array) would keep all 1,900 orders before this one alive.
        aliveWhenLate.ShouldBeLessThan(10);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Alive(List<WeakReference<Transaction>> produced)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return produced.Count(w => w.TryGetTarget(out _));
    }
}
