namespace Reticle.Rules.Packs;

/// <summary>Where a value stands in a pack file (1-based line and column).</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public PackError Error(string message, string? ruleId = null) => new(File, Line, Column, ruleId, message);
}

/// <summary>A condition or formula as written, with where it was written, so binding errors can point into it.</summary>
/// <param name="ColumnShift">1 when the YAML scalar was quoted (the text starts one column after the quote).</param>
public sealed record SourceText(string Text, SourceSpan Span, int ColumnShift)
{
    public SourceSpan At(int offset)
    {
        // Offsets inside single-line scalars map to columns; folded multi-line text maps to its first line.
        var newline = Text.LastIndexOf('\n', Math.Max(0, Math.Min(offset, Text.Length) - 1));
        return newline < 0
            ? Span with { Column = Span.Column + ColumnShift + offset }
            : Span with { Line = Span.Line + Text[..offset].Count(c => c == '\n'), Column = offset - newline };
    }
}
