using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Reticle.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
