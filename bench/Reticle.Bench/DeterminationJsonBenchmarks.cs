using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Reticle.Audit;
using Reticle.Bench.Baselines;
using Reticle.Determination;
using Reticle.Rules.Packs;
using Reticle.Store;

namespace Reticle.Bench;

/// <summary>
/// What the API does with each decision after deciding it, per determination. It writes the decision as JSON text
/// (<see cref="DeterminationJson.ToText"/>; the baseline builds a tree of nodes and serializes it, as before). It then
/// prepares the audit record that seals the stored texts by their digests (<see cref="PreparedDetermination.Prepare"/>;
/// the baseline copies the input and result into the payload in canonical form, as records did before ADR 0006).
/// </summary>
[MemoryDiagnoser]
public class DeterminationJsonBenchmarks
{
    private const int Count = 256;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private Determination.Determination[] _determinations = [];
    private DeterminationRecord[] _records = [];

    [GlobalSetup]
    public void Setup()
    {
        var errors = new List<PackError>();
        var rules = Reticle.Rules.Compilation.RuleSetCompiler.Compile(RulePackLoader.ReadAll(Workload.PackSources(), errors), errors)
            ?? throw new InvalidOperationException(string.Join("\n", errors));
        _determinations = [.. Workload.Transactions(Count, Workload.Catalog()).Select(t => DeterminationEngine.Determine(rules, t))];
        foreach (var d in _determinations)
        {
            // The baseline must be honest: the same text.
            if (DeterminationJson.ToText(d) != NodeTreeDeterminationJson.ToJson(d).ToJsonString(Relaxed))
            {
                throw new InvalidOperationException($"the node tree writes {d.Transaction} differently");
            }
        }
        _records = [.. _determinations.Select(d => new DeterminationRecord(d.Transaction, d.AsOf, d.KnownAt, d.Outcome.ToWire(), d.RuleSetHash,
            $$"""{"id":"{{d.Transaction}}","date":"{{d.AsOf}}"}""", DeterminationJson.ToText(d)))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int NodeTreeText()
    {
        var n = 0;
        foreach (var d in _determinations)
        {
            n += NodeTreeDeterminationJson.ToJson(d).ToJsonString(Relaxed).Length;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int WrittenText()
    {
        var n = 0;
        foreach (var d in _determinations)
        {
            n += DeterminationJson.ToText(d).Length;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CopiedIntoAuditPayload()
    {
        var n = 0;
        foreach (var r in _records)
        {
            n += CanonicalJson.Encode(new JsonObject
            {
                ["transaction"] = r.TransactionId,
                ["asOf"] = r.AsOf.ToString("uuuu-MM-dd", null),
                ["knownAt"] = r.KnownAt?.ToString("uuuu-MM-dd", null),
                ["outcome"] = r.Outcome,
                ["ruleSet"] = r.RuleSet,
                ["input"] = JsonNode.Parse(r.InputJson),
                ["result"] = JsonNode.Parse(r.ResultJson),
            }).Length;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int SealedByDigest()
    {
        var n = 0;
        foreach (var r in _records)
        {
            n += PreparedDetermination.Prepare(r).AuditPayload.Length;
        }
        return n;
    }
}
