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

    /// <summary>The actors the API writes (<c>api:NAME</c>, for the key NAME); the command line may not claim them.</summary>
    public const string ApiActorPrefix = "api:";

    /// <summary>
    /// Who is acting, for the audit record: <c>RETICLE_ACTOR</c>, else the OS user. It may not start with
    /// <see cref="ApiActorPrefix"/>: those names are the API keys', and a record signed by one must have come through the
    /// API with that key (docs/security.md says what a local user can and cannot forge).
    /// </summary>
    public string Actor => Variable("RETICLE_ACTOR") is { Length: > 0 } actor
        ? actor.StartsWith(ApiActorPrefix, StringComparison.OrdinalIgnoreCase)
            ? throw new UsageException($"RETICLE_ACTOR '{actor}' names an API key's actor ({ApiActorPrefix}NAME), which only 'reticle serve' writes for requests made with that key; choose another name")
            : actor
        : $"cli:{Environment.UserName}";
}
