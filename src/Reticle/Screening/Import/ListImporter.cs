using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// The one entry point for list imports (CONTRACT §1, <c>reticle lists import FILE... --format F</c>):
/// reads a format's file or files into one <see cref="ListSnapshot"/>, or gives null and says why. All
/// or nothing: any error (a malformed file, a missing column, two entries with one id, an empty list)
/// leaves no snapshot, so a bad download never replaces a good list. Pure: the shell reads the files.
/// </summary>
public static class ListImporter
{
    /// <summary>Files above this size are refused before parsing (the largest real list, the CSL JSON, is about 10 MiB).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>At most this many errors are reported per import; a file of the wrong kind would otherwise give one per line.</summary>
    public const int MaxErrors = 50;

    /// <summary>
    /// Reads <paramref name="files"/> in the format with contract id <paramref name="format"/>. Errors are
    /// added to <paramref name="errors"/>, each naming the file and line (and column or entry where known).
    /// </summary>
    public static ListSnapshot? Read(string format, IReadOnlyList<ListFile> files, List<InputError> errors) =>
        Read(format, files, errors, MaxFileBytes);

    internal static ListSnapshot? Read(string format, IReadOnlyList<ListFile> files, List<InputError> errors, long maxFileBytes)
    {
        var before = errors.Count;
        var content = Content(format, files, errors, maxFileBytes);
        if (content is not null && errors.Count == before)
        {
            CheckIds(content.Entries, errors);
            if (content.Entries.Count == 0)
            {
                errors.Add(new InputError(files[0].Name, $"no list entries found (is this a {format} file?)"));
            }
        }
        if (errors.Count - before > MaxErrors)
        {
            var more = errors.Count - before - MaxErrors;
            errors.RemoveRange(before + MaxErrors, more);
            errors.Add(new InputError(files.Count > 0 ? files[0].Name : "--format", $"{more:N0} more errors not shown"));
        }
        return content is not null && errors.Count == before
            ? new ListSnapshot(content.Dataset, ListFormat.Find(format)!.Id, content.Published, [.. content.Entries.Select(e => e.Entry)])
            : null;
    }

    private static ListContent? Content(string id, IReadOnlyList<ListFile> files, List<InputError> errors, long maxFileBytes)
    {
        if (ListFormat.Find(id) is not { } format)
        {
            errors.Add(new InputError("--format", $"unknown list format '{id}'; known formats: {string.Join(", ", ListFormat.All.Select(f => f.Id))}"));
            return null;
        }
        if (files.Count == 0)
        {
            errors.Add(new InputError("--format", $"no file given to read as {format.Id}"));
            return null;
        }
        if (files.Count > 1 && !format.TakesFileSet)
        {
            errors.Add(new InputError(files[1].Name, $"{format.Id} reads one file per import; import each file on its own"));
            return null;
        }
        var before = errors.Count;
        foreach (var file in files)
        {
            CheckShape(file, format, errors, maxFileBytes);
        }
        if (errors.Count > before)
        {
            return null;
        }
        var single = files[0];
        return format.Id switch
        {
            "csl-json" => CslJsonReader.Read(single, errors),
            "csl-csv" => CslCsvReader.Read(single, errors),
            "ofac-csv" => OfacCsvReader.Read(files, errors),
            "ofac-xml" => OfacXmlReader.Read(single, errors),
            "un-xml" => UnXmlReader.Read(single, errors),
            "bis-dpl" => BisDplReader.Read(single, errors),
            "eu-fsf-xml" => EuFsfXmlReader.Read(single, errors),
            _ => throw new InvalidOperationException($"list format {format.Id} has no reader"),
        };
    }

    private static void CheckShape(ListFile file, ListFormat format, List<InputError> errors, long maxFileBytes)
    {
        if (file.Content.LongLength > maxFileBytes)
        {
            errors.Add(new InputError(file.Name, $"the file is {file.Content.LongLength:N0} bytes; list files above {maxFileBytes:N0} bytes are refused"));
            return;
        }
        var syntax = FileSyntaxes.Guess(file.Content);
        var expected = Syntax(format);
        if (syntax == FileSyntax.Empty)
        {
            errors.Add(new InputError($"{file.Name}:1", "the file is empty"));
        }
        else if (syntax != expected)
        {
            var likely = ListFormat.All.Where(f => f.Id != format.Id && Syntax(f) == syntax).Select(f => f.Id);
            errors.Add(new InputError($"{file.Name}:1", $"this is {FileSyntaxes.Describe(syntax)}, not {format.Id} ({FileSyntaxes.Describe(expected)}); " +
                $"did you mean --format {string.Join(" or ", likely)}?"));
        }
    }

    private static FileSyntax Syntax(ListFormat format) => format.Id switch
    {
        "csl-json" => FileSyntax.Json,
        "ofac-xml" or "un-xml" or "eu-fsf-xml" => FileSyntax.Xml,
        _ => FileSyntax.Text,
    };

    private static void CheckIds(IReadOnlyList<SourcedEntry> entries, List<InputError> errors)
    {
        var first = new Dictionary<string, SourcePosition>(entries.Count, StringComparer.Ordinal);
        foreach (var (entry, at) in entries)
        {
            if (!first.TryAdd(entry.Id, at))
            {
                errors.Add(new InputError(at.ToString(), $"entry id '{entry.Id}' again (first at {first[entry.Id]}); ids must be unique in a list"));
            }
        }
    }
}
