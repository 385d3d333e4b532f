namespace Reticle.Cli.Hosting;

/// <summary>The command line was used wrongly in a way the parser cannot see (options that exclude each other): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
