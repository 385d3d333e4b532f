using NodaTime;

namespace Reticle.Cli.Hosting;

/// <summary>
/// What the outside world gives a command: output writers, standard input, environment variables and
/// the clock. The composition root (<c>Program</c>) fills it from the process; tests fill it by hand.
/// </summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<TextReader> In, IClock Clock, Func<string, string?> Variable)
{
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, () => Console.In, SystemClock.Instance, Environment.GetEnvironmentVariable);

    /// <summary>Who is acting, for the audit record: <c>RETICLE_ACTOR</c>, else the OS user.</summary>
    public string Actor => Variable("RETICLE_ACTOR") is { Length: > 0 } actor ? actor : $"cli:{Environment.UserName}";
}
