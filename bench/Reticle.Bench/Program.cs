using BenchmarkDotNet.Running;
using Reticle.Bench.Quality;

// dotnet run -c Release --project bench/Reticle.Bench -- quality       matching quality figures on the reference sets
// dotnet run -c Release --project bench/Reticle.Bench -- screen NAME   a name screened against the CSL, explained
// dotnet run -c Release --project bench/Reticle.Bench -- throughput   determinations per CPU-second of one core
// dotnet run -c Release --project bench/Reticle.Bench -- store [s]     determinations stored in batches of 64 (the API writer's work), timed
// dotnet run -c Release --project bench/Reticle.Bench -- impact [N]     one timed impact analysis of N (100,000) open orders
// dotnet run -c Release --project bench/Reticle.Bench -- whatif [N]     one timed what-if (a draft adding a jurisdiction) over N open orders
// dotnet run -c Release --project bench/Reticle.Bench -- ownership [N] one timed 50 % closure over N (1,000,000) stakes and lookups
// dotnet run -c Release --project bench/Reticle.Bench -- read [N]      one timed run of N (200,000) stored orders read strictly
// dotnet run -c Release --project bench/Reticle.Bench -- --filter '*'  BenchmarkDotNet benchmarks
if (args.Length > 0 && args[0] == "screen")
{
    return ScreenCommand.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "throughput")
{
    return Reticle.Bench.Throughput.DeterminationThroughput.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "store")
{
    return Reticle.Bench.Store.DeterminationStoreBenchmarks.Loop(args[1..]);
}
if (args.Length > 0 && args[0] == "quality")
{
    return QualityReport.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "whatif")
{
    return Reticle.Bench.Impact.WhatIfBenchmarks.Report(args[1..]);
}
if (args.Length > 0 && args[0] == "impact")
{
    return Reticle.Bench.Impact.ImpactBenchmarks.Report(args[1..]);
}
if (args.Length > 0 && args[0] == "ownership")
{
    return Reticle.Bench.Ownership.OwnershipClosureBenchmarks.Report(args[1..]);
}
if (args.Length > 0 && args[0] == "read")
{
    return Reticle.Bench.Input.OrderReadingBenchmarks.Report(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
