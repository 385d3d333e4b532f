using Reticle.Cli;
using Reticle.Cli.Hosting;

// The composition root: the only place that reads the process environment and the system clock.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await ReticleCli.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
