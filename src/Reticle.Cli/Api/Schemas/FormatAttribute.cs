namespace Reticle.Cli.Api.Schemas;

/// <summary>A text field's JSON Schema <c>format</c>: <c>date</c> (YYYY-MM-DD), <c>date-time</c> (an instant, UTC) or <c>binary</c> (a file of a multipart body).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FormatAttribute(string format) : Attribute
{
    public const string Date = "date";
    public const string DateTime = "date-time";
    public const string Binary = "binary";

    public string Format { get; } = format;
}
