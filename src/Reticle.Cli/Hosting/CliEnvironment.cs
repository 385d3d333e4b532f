using NodaTime;
using Reticle.Service;

namespace Reticle.Cli.Hosting;

/// <summary>
/// What the outside world gives a command: output writers, standard input, environment variables and
/// the clock. The composition root (<c>Program</c>) fills it from the process; tests fill it by hand.
/// </summary>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<TextReader> In, IClock Clock, Func<string, string?> Variable)
{
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, () => Console.In, SystemClock.Instance, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Who is acting, for the audit record: <c>RETICLE_ACTOR</c>, else the OS user. It may not start with
    /// <see cref="Service.Access.ApiKeys.ActorPrefix"/>: those names are the API keys', and a record signed by one must have come through the
    /// API with that key (docs/security.md says what a local user can and cannot forge).
    /// </summary>
    public string Actor => Variable("RETICLE_ACTOR") is { Length: > 0 } actor
        ? actor.StartsWith(Service.Access.ApiKeys.ActorPrefix, StringComparison.OrdinalIgnoreCase)
            ? throw new UsageException($"RETICLE_ACTOR '{actor}' names an API key's actor ({Service.Access.ApiKeys.ActorPrefix}NAME), which only 'reticle serve' writes for requests made with that key; choose another name")
            : actor
        : $"cli:{Environment.UserName}";

    /// <summary>The workspace a command opens: <c>--data</c>/<c>--postgres</c> or their variables, the bundled content, this actor and clock.</summary>
    public WorkspaceOptions Workspace(string? data, string? postgres) =>
        new(StoreOptions.Resolve(data, postgres, Variable), BundledContent.Directory(Variable), Actor, Clock, CacheDirectory, Error.WriteLine);

    /// <summary>
    /// Where derived content (screening indexes) is kept between commands: <c>RETICLE_CACHE</c>, else the user's cache folder
    /// (<c>$XDG_CACHE_HOME/reticle</c> or <c>~/.cache/reticle</c>). Keyed by content, so data folders may share it; <c>off</c>: none.
    /// </summary>
    public string? CacheDirectory => Variable("RETICLE_CACHE") switch
    {
        "off" => null,
        { Length: > 0 } folder => folder,
        _ => Path.Combine(
            Variable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "reticle"),
    };
}
