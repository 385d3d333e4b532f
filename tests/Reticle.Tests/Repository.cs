namespace Reticle.Tests;

/// <summary>Paths in the repository and the shared reference data beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>The shared reference data (real list files and benchmarks) beside the repository: <c>../shared/data</c>.</summary>
    public static string SharedData => Path.Combine(Root, "..", "shared", "data");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reticle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Reticle.slnx) above " + AppContext.BaseDirectory);
    }
}
