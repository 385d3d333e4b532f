using System.Globalization;
using System.Reflection;

namespace Reticle.Store.Migrations;

/// <summary>
/// One versioned SQL script, embedded as <c>Migrations/{Provider}/NNNN_name.sql</c>. Scripts are never
/// edited once released: a change to the schema is a new script with the next number.
/// </summary>
internal sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>The scripts of one provider folder ("Sqlite", "Postgres"), in version order.</summary>
    public static IReadOnlyList<SchemaMigration> For(string provider)
    {
        var assembly = typeof(SchemaMigration).Assembly;
        var prefix = $"{typeof(SchemaMigration).Namespace}.{provider}.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No embedded migrations found under {prefix}: the build did not embed Migrations/{provider}/*.sql.");
        }
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {provider} migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
        return migrations;
    }

    private static SchemaMigration Load(Assembly assembly, string resourceName, string fileStem)
    {
        var separator = fileStem.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileStem[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration {resourceName} is not named NNNN_name.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration {resourceName} could not be read.");
        using var reader = new StreamReader(stream);
        return new SchemaMigration(version, fileStem[(separator + 1)..], reader.ReadToEnd());
    }
}
