using BenchmarkDotNet.Attributes;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Bench;

/// <summary>
/// Listing the control entries an item falls under (a determination's classifications), per transaction, over every
/// pack of the bundled content: the naive way, testing each entry of each pack in force by its period, against the
/// index the engine uses (entries by day, without those for another kind of item).
/// </summary>
[MemoryDiagnoser]
public class ControlIndexBenchmarks
{
    private const int Count = 4096;
    private Transaction[] _transactions = [];
    private RuleSet _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        var errors = new List<PackError>();
        _rules = RuleSetCompiler.Compile(RulePackLoader.ReadAll(Workload.PackSources(), errors), errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        _transactions = Workload.Transactions(Count, Workload.Catalog());
        // Both must list the same entries, in the same order.
        foreach (var t in _transactions)
        {
            var naive = new List<string>();
            var indexed = new List<string>();
            Classify(t, scanAll: true, naive);
            Classify(t, scanAll: false, indexed);
            if (!naive.SequenceEqual(indexed))
            {
                throw new InvalidOperationException($"index disagrees on {t.Id} ({t.Item.Sku}, {t.Date}): scan {string.Join(",", naive)} index {string.Join(",", indexed)}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ScanEveryEntryInForce() => Run(scanAll: true);

    [Benchmark(OperationsPerInvoke = Count)]
    public int IndexByDayAndKind() => Run(scanAll: false);

    private int Run(bool scanAll)
    {
        var listed = new List<string>();
        foreach (var t in _transactions)
        {
            listed.Clear();
            Classify(t, scanAll, listed);
        }
        return listed.Count;
    }

    private void Classify(Transaction transaction, bool scanAll, List<string> listed)
    {
        var parent = transaction.Item.Parent is { } item ? Facts.Rent(_rules, transaction with { Item = item }, transaction.Date, null, null) : null;
        var facts = Facts.Rent(_rules, transaction, transaction.Date, null, parent);
        foreach (var pack in _rules.Packs)
        {
            if (!pack.InForce(facts.Date))
            {
                continue;
            }
            if (scanAll)
            {
                foreach (var control in pack.Controls)
                {
                    if (control.Effective.Contains(facts.Date) && control.Evaluate(facts) == Truth.True)
                    {
                        listed.Add(control.QualifiedId);
                    }
                }
            }
            else
            {
                foreach (var control in pack.ControlsFor(facts))
                {
                    if (control.Evaluate(facts) == Truth.True)
                    {
                        listed.Add(control.QualifiedId);
                    }
                }
            }
        }
        Facts.Release(facts);
    }
}
