namespace Reticle.Screening.Import;

/// <summary>One record of a delimited file: the line it starts on (1-based) and its fields, unquoted.</summary>
internal sealed record DelimitedRecord(int Line, string[] Fields);
