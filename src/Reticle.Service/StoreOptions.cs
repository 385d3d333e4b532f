namespace Reticle.Service;

/// <summary>Where data lives: a SQLite folder (default) or a PostgreSQL connection string.</summary>
internal sealed record StoreOptions(string? DataDirectory, string? Postgres)
{
    /// <param name="variable">The environment: <c>RETICLE_DATA</c> and <c>RETICLE_POSTGRES</c> when the options are not given.</param>
    public static StoreOptions Resolve(string? data, string? postgres, Func<string, string?> variable) =>
        new(data ?? variable("RETICLE_DATA"), postgres ?? variable("RETICLE_POSTGRES"));

    /// <summary>The per-user default data folder (XDG data home on Linux).</summary>
    public string EffectiveDataDirectory =>
        DataDirectory ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "reticle");
}
