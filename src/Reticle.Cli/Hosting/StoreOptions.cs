namespace Reticle.Cli.Hosting;

/// <summary>Where data lives: a SQLite folder (default) or a PostgreSQL connection string.</summary>
internal sealed record StoreOptions(string? DataDirectory, string? Postgres)
{
    public static StoreOptions Resolve(string? data, string? postgres, CliEnvironment env) =>
        new(data ?? env.Variable("RETICLE_DATA"), postgres ?? env.Variable("RETICLE_POSTGRES"));

    /// <summary>The per-user default data folder (XDG data home on Linux).</summary>
    public string EffectiveDataDirectory =>
        DataDirectory ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "reticle");
}
