namespace Reticle.Tests;

/// <summary>Paths in the repository and the shared reference data beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>The shared reference data (real list files and benchmarks) beside the repository: <c>../shared/data</c>.</summary>
    public static string SharedData => Path.Combine(Root, "..", "shared", "data");

    /// <summary>A sample transaction under <c>content/samples</c> (e.g. <c>golden/case6-….json</c>), read strictly; the test fails if it does not read.</summary>
    public static Model.Transaction Sample(string relativePath)
    {
        var errors = new List<Reticle.Input.InputError>();
        var file = Path.Combine(Content, "samples", relativePath);
        var read = Reticle.Input.TransactionReader.Read(file, File.ReadAllText(file), errors).Transactions;
        errors.ShouldBeEmpty();
        return read.ShouldHaveSingleItem();
    }

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
