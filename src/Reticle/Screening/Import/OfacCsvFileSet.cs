using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// The files of one OFAC legacy CSV import, told apart by name: the primary file (<c>sdn.csv</c>, or
/// <c>cons_prim.csv</c> for the consolidated non-SDN list; a dated name such as <c>sdn_2024-05-03.csv</c>
/// also counts) with its optional aliases (<c>alt.csv</c>), addresses (<c>add.csv</c>) and remarks
/// overflow (<c>sdn_comments.csv</c>), or their <c>cons_</c> counterparts. Only the primary is required.
/// </summary>
internal sealed record OfacCsvFileSet(bool Consolidated, ListFile Primary, ListFile? Aliases, ListFile? Addresses, ListFile? Comments)
{
    private enum Part
    {
        Primary,
        Aliases,
        Addresses,
        Comments,
    }

    // Longest prefixes first: "sdn_comments" before "sdn", "cons_add" before "add".
    private static readonly (string Prefix, bool Consolidated, Part Part)[] Names =
    [
        ("sdn_comments", false, Part.Comments), ("cons_comments", true, Part.Comments),
        ("cons_prim", true, Part.Primary), ("cons_alt", true, Part.Aliases), ("cons_add", true, Part.Addresses),
        ("alt", false, Part.Aliases), ("add", false, Part.Addresses), ("sdn", false, Part.Primary),
    ];

    public static OfacCsvFileSet? Recognise(IReadOnlyList<ListFile> files, List<InputError> errors)
    {
        var before = errors.Count;
        var parts = new Dictionary<Part, ListFile>();
        bool? consolidated = null;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Name).ToLowerInvariant();
            if (!name.EndsWith(".csv", StringComparison.Ordinal) || Names.FirstOrDefault(n => name.StartsWith(n.Prefix, StringComparison.Ordinal)) is not { Prefix: not null } known)
            {
                errors.Add(new InputError(file.Name, "not a file of an OFAC CSV set: name it sdn.csv, alt.csv, add.csv or sdn_comments.csv " +
                    "(cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv for the consolidated non-SDN list)"));
                continue;
            }
            if (consolidated is { } set && set != known.Consolidated)
            {
                errors.Add(new InputError(file.Name, "SDN files (sdn, alt, add, sdn_comments) and consolidated list files (cons_*) cannot be imported together"));
                continue;
            }
            consolidated = known.Consolidated;
            if (!parts.TryAdd(known.Part, file))
            {
                errors.Add(new InputError(file.Name, $"a second {Describe(known.Part)} file in one import (the first is {parts[known.Part].Name})"));
            }
        }
        if (errors.Count == before && !parts.ContainsKey(Part.Primary))
        {
            errors.Add(new InputError(files[0].Name, "an OFAC CSV import needs its primary file (sdn.csv or cons_prim.csv)"));
        }
        return errors.Count > before
            ? null
            : new OfacCsvFileSet(consolidated ?? false, parts[Part.Primary], parts.GetValueOrDefault(Part.Aliases),
                parts.GetValueOrDefault(Part.Addresses), parts.GetValueOrDefault(Part.Comments));
    }

    private static string Describe(Part part) => part switch
    {
        Part.Primary => "primary (sdn.csv / cons_prim.csv)",
        Part.Aliases => "aliases (alt.csv)",
        Part.Addresses => "addresses (add.csv)",
        _ => "comments (sdn_comments.csv)",
    };
}
