using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Import;

namespace Reticle.Tests.Screening.Import;

/// <summary>The real list files of the shared reference data (<c>../shared/data/lists</c>), read as the CLI shell reads them.</summary>
internal static class SharedLists
{
    public static string PathOf(string relative) => System.IO.Path.Combine(Repository.SharedData, "lists", relative);

    public static ListFile File(string relative) => new(System.IO.Path.GetFileName(relative), System.IO.File.ReadAllBytes(PathOf(relative)));

    /// <summary>Imports real files that must read without a single error.</summary>
    public static ListSnapshot Read(string format, params string[] relatives) => Read(format, [.. relatives.Select(File)]);

    /// <summary>Imports files that must read without a single error.</summary>
    public static ListSnapshot Read(string format, params ListFile[] files)
    {
        var errors = new List<InputError>();
        var snapshot = ListImporter.Read(format, files, errors);
        errors.ShouldBeEmpty();
        return snapshot.ShouldNotBeNull();
    }

    /// <summary>Imports files expected to be refused: no snapshot, and the errors for the test to look at.</summary>
    public static List<InputError> Refuse(string format, params ListFile[] files)
    {
        var errors = new List<InputError>();
        ListImporter.Read(format, files, errors).ShouldBeNull();
        errors.ShouldNotBeEmpty();
        return errors;
    }

    public static ListFile Text(string name, string content) => new(name, System.Text.Encoding.UTF8.GetBytes(content));

    public static string TextOf(string relative) => System.IO.File.ReadAllText(PathOf(relative));
}
