namespace Reticle.Store;

/// <summary>
/// The names under which content kinds are stored and audited. Spelled out rather than taken from
/// <see cref="ContentKind"/>'s member names, so renaming a member never orphans stored rows.
/// </summary>
internal static class StoredContentKind
{
    public static string Name(ContentKind kind) => kind switch
    {
        ContentKind.RulePack => "rule-pack",
        ContentKind.Catalog => "catalog",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown content kind."),
    };

    public static ContentKind Parse(string name) => name switch
    {
        "rule-pack" => ContentKind.RulePack,
        "catalog" => ContentKind.Catalog,
        _ => throw new InvalidOperationException($"The store holds content of unknown kind '{name}'."),
    };
}
