using BenchmarkDotNet.Attributes;
using Reticle.Bench.Baselines;
using Reticle.Licensing;
using Reticle.Model;

namespace Reticle.Bench.Licensing;

/// <summary>
/// Licence matching with balance derivation, per transaction: 1,000 licences with 20 events each
/// and 10,000 transactions. The book (indexed by jurisdiction and SKU, folding only the candidate
/// licences on the transaction's date) against the naive matcher, which re-folds every event of every
/// licence for each transaction. The baseline runs the first 1,000 transactions only: it is that slow.
/// </summary>
/// <remarks>dotnet run -c Release --project bench/Reticle.Bench -- --filter '*LicenseBenchmarks*' --job short</remarks>
[MemoryDiagnoser]
public class LicenseBenchmarks
{
    private const int Licenses = 1000;
    private const int EventsPerLicense = 20;
    private const int Count = 10_000;
    private const int NaiveCount = 1_000;

    private LicenseBook _book = null!;
    private (string Jurisdiction, Transaction Transaction)[] _transactions = [];
    private NaiveLicenseMatcher _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = LicenseWorkload.Book(Licenses, EventsPerLicense);
        _transactions = LicenseWorkload.Transactions(Count);
        _naive = new NaiveLicenseMatcher(_book.Events);
        // The baseline must be honest: it has to find the same line for every transaction it runs.
        var covered = 0;
        foreach (var (jurisdiction, t) in _transactions.Take(NaiveCount))
        {
            var fast = LicenseCoverage.Find(_book, jurisdiction, t, null).Cover;
            var naive = _naive.Find(jurisdiction, t, null);
            if ((fast is null ? null : ((string, int)?)(fast.LicenseId, fast.Line)) != naive)
            {
                throw new InvalidOperationException($"baseline disagrees on {t.Id} ({jurisdiction}, {t.Item.Sku}, {t.Date}, {t.To}): book {fast?.LicenseId} line {fast?.Line}, naive {naive}");
            }
            covered += fast is null ? 0 : 1;
        }
        var candidates = _transactions.Average(x => _book.Candidates(x.Jurisdiction, x.Transaction, x.Transaction.Date, null).Count);
        Console.WriteLine($"// {_book.Events.Length} events; {covered} of {NaiveCount} transactions covered; {candidates:0.0} candidate licences per transaction");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = NaiveCount)]
    public int NaiveRefoldAndScan()
    {
        var n = 0;
        for (var i = 0; i < NaiveCount; i++)
        {
            var (jurisdiction, t) = _transactions[i];
            n += _naive.Find(jurisdiction, t, null) is null ? 0 : 1;
        }
        return n;
    }

    /// <summary>Balance derivation alone: the candidate licences folded on each transaction's date.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int IndexedFoldOnly()
    {
        var n = 0;
        foreach (var (jurisdiction, t) in _transactions)
        {
            n += _book.Candidates(jurisdiction, t, t.Date, null).Count;
        }
        return n;
    }

    /// <summary>The cover alone, as the engine's outcomes-only pass asks for it.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int IndexedCover()
    {
        var n = 0;
        foreach (var (jurisdiction, t) in _transactions)
        {
            n += LicenseCoverage.Cover(_book.Candidates(jurisdiction, t, t.Date, null), jurisdiction, t, null, null) is null ? 0 : 1;
        }
        return n;
    }

    /// <summary>With the reason for every licence considered, as a full determination gives it.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int IndexedCoverWithReasons()
    {
        var n = 0;
        foreach (var (jurisdiction, t) in _transactions)
        {
            n += LicenseCoverage.Find(_book, jurisdiction, t, null).Considered.Length;
        }
        return n;
    }
}
