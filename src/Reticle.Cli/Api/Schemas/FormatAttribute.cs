namespace Reticle.Cli.Api.Schemas;

/// <summary>A text field's JSON Schema <c>format</c>: <c>date</c> (YYYY-MM-DD) or <c>date-time</c> (an instant, UTC).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FormatAttribute(string format) : Attribute
{
    public const string Date = "date";
    public const string DateTime = "date-time";

    public string Format { get; } = format;
}
