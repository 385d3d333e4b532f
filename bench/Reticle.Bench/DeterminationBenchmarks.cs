using BenchmarkDotNet.Attributes;
using Reticle.Bench.Baselines;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Bench;

/// <summary>
/// Determination throughput on the bundled content, per transaction: the naive interpreter of the
/// same packs (outcomes only) against the compiled rule set deciding outcomes only (like for like)
/// and making full determinations (findings with their compared values, citations, notes).
/// </summary>
[MemoryDiagnoser]
public class DeterminationBenchmarks
{
    private const int Count = 4096;
    private Transaction[] _transactions = [];
    private RuleSet _rules = null!;
    private NaiveInterpreter _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(Workload.PackSources(), errors);
        _rules = RuleSetCompiler.Compile(packs, errors) ?? throw new InvalidOperationException(string.Join("\n", errors));
        _naive = new NaiveInterpreter(packs);
        _transactions = Workload.Transactions(Count, Workload.Catalog());
        // The baseline must be honest: it has to reach the same outcomes.
        foreach (var t in _transactions)
        {
            var compiled = DeterminationEngine.Determine(_rules, t).Jurisdictions.ToDictionary(j => j.Jurisdiction, j => j.Outcome);
            var naive = _naive.Decide(t);
            var fast = DeterminationEngine.Outcomes(_rules, t).Jurisdictions;
            if (!compiled.OrderBy(x => x.Key).SequenceEqual(naive) || !fast.SequenceEqual(naive.Values))
            {
                throw new InvalidOperationException($"baseline disagrees on {t.Id} ({t.Item.Sku}, {t.Date}, {t.From}->{t.To}): compiled {string.Join(",", compiled.OrderBy(x => x.Key))} naive {string.Join(",", naive)}, naive applied {string.Join(",", _naive.LastApplied)}, naive undetermined {string.Join(",", _naive.LastUndetermined)}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int NaiveInterpreter()
    {
        var n = 0;
        foreach (var t in _transactions)
        {
            n += _naive.Decide(t).Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CompiledOutcomes()
    {
        var n = 0;
        foreach (var t in _transactions)
        {
            n += DeterminationEngine.Outcomes(_rules, t).Jurisdictions.Length;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CompiledFullDetermination()
    {
        var n = 0;
        foreach (var t in _transactions)
        {
            n += DeterminationEngine.Determine(_rules, t).Jurisdictions.Length;
        }
        return n;
    }
}
