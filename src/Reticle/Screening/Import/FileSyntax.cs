namespace Reticle.Screening.Import;

/// <summary>
/// The outer syntax of a file, guessed from its first significant byte, so that a file given with the
/// wrong <c>--format</c> (an XML file as <c>ofac-csv</c>) is refused with that reason rather than with
/// whatever its first line happens to break in the wrong parser.
/// </summary>
internal enum FileSyntax
{
    Empty,
    Json,
    Xml,
    Text,
}

internal static class FileSyntaxes
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static FileSyntax Guess(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Utf8Bom))
        {
            content = content[Utf8Bom.Length..];
        }
        foreach (var b in content)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x1A:
                    continue;
                case (byte)'{' or (byte)'[':
                    return FileSyntax.Json;
                case (byte)'<':
                    return FileSyntax.Xml;
                default:
                    return FileSyntax.Text;
            }
        }
        return FileSyntax.Empty;
    }

    public static string Describe(FileSyntax syntax) => syntax switch
    {
        FileSyntax.Json => "JSON",
        FileSyntax.Xml => "XML",
        FileSyntax.Text => "delimited text (CSV or TSV)",
        _ => "empty",
    };
}
