namespace Reticle.Screening.Import;

/// <summary>
/// Where in a list file something was read: the file, a 1-based line, and where the format has them a
/// column (XML position, JSON byte in line) and a path inside the document (<c>results[12]</c>).
/// </summary>
internal readonly record struct SourcePosition(string File, int Line, int Column = 0, string? Path = null)
{
    public override string ToString() =>
        $"{File}:{Line}{(Column > 0 ? $":{Column}" : "")}{(Path is null ? "" : $" ({Path})")}";
}
