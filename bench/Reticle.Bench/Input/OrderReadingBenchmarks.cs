using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Reticle.Input;

namespace Reticle.Bench.Input;

/// <summary>
/// Reading one stored order (a transaction of CONTRACT §2 as <c>bench/scale/orders.py</c> writes them), strictly: parse, the
/// duplicate-key, Unicode and NUL checks (<see cref="StrictJson"/>), then every field read and every unknown one refused
/// (<see cref="StrictObjectReader"/>). It is most of what <c>impact</c> spends on an unchanged order, and what <c>orders add</c>
/// and every API body spend on input. The baseline is the JSON parse alone, which any reader pays: the ratio is the price
/// of reading strictly.
/// </summary>
/// <remarks>
/// dotnet run -c Release --project bench/Reticle.Bench -- read [N]          one timed run of N reads, with bytes allocated per read
/// dotnet run -c Release --project bench/Reticle.Bench -- --filter '*OrderReadingBenchmarks*' --job short
/// </remarks>
[MemoryDiagnoser]
public class OrderReadingBenchmarks
{
    /// <summary>An order as the scale benchmark's book holds them: an item with US content facts, two parties, end use.</summary>
    public const string StoredOrder = """
        {"id":"SO-0000001","date":"2026-07-06","activity":"export","from":"NL","to":"CN","item":{"sku":"NXT:2050i","usControlledContentPercent":6,"usTechnologyInputs":["3E001"],"containsUsOriginIc":false},"quantity":1,"value":{"amount":65000000,"currency":"EUR"},"parties":[{"role":"end-user","name":"Customer 17 Semiconductor Co., Ltd.","country":"CN"},{"role":"consignee","name":"Customer 17 Semiconductor Co., Ltd.","country":"CN"}],"endUse":{"advancedNodeFacility":"no","smeDevelopmentOrProduction":"no","militaryEndUse":"no"}}
        """;

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(StoredOrder);
        return document.RootElement.Touched();
    }

    [Benchmark]
    public int ReadStrictly() => Read();

    private static int Read()
    {
        var errors = new List<InputError>();
        var read = TransactionReader.Read("order SO-0000001", StoredOrder, errors).Transactions;
        return errors.Count == 0 ? read.Count : throw new InvalidOperationException(string.Join("; ", errors));
    }

    /// <summary>A plain timed run, for a figure without BenchmarkDotNet's many iterations.</summary>
    public static int Report(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var benchmarks = new OrderReadingBenchmarks();
        for (var run = 1; run <= 3; run++)
        {
            Time($"run {run}: parse only    ", count, () => benchmarks.ParseOnly());
            Time($"run {run}: read strictly ", count, Read);
        }
        return 0;
    }

    private static void Time(string label, int count, Func<int> read)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            read();
        }
        watch.Stop();
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / count;
        Console.WriteLine($"{label} {count:N0} orders, {watch.Elapsed.TotalMicroseconds / count:0.00} µs and {allocated:N0} bytes allocated per order");
    }
}

internal static class ParsedJson
{
    // The parse's result, touched so that the benchmark cannot be optimised away.
    public static int Touched(this JsonElement element) => element.ValueKind == JsonValueKind.Object ? 1 : 0;
}
