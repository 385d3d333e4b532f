using BenchmarkDotNet.Attributes;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;

namespace Reticle.Bench;

/// <summary>Reading, validating and compiling every bundled pack (target: under 200 ms), text already in memory.</summary>
[MemoryDiagnoser]
public class PackLoadBenchmarks
{
    private IReadOnlyList<RulePackSource> _sources = [];

    [GlobalSetup]
    public void Setup() => _sources = Workload.PackSources();

    [Benchmark]
    public RuleSet LoadValidateCompile()
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(_sources, errors);
        return RuleSetCompiler.Compile(packs, errors) ?? throw new InvalidOperationException(string.Join("\n", errors));
    }
}
