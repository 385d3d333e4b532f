namespace Reticle.Model;

/// <summary>A technical fact about an item: a number in the parameter's canonical unit, or a word (<c>kind</c>).</summary>
public readonly record struct ParameterValue
{
    public decimal? Number { get; }
    public string? Text { get; }

    private ParameterValue(decimal? number, string? text)
    {
        Number = number;
        Text = text;
    }

    public static ParameterValue Of(decimal number) => new(number, null);
    public static ParameterValue Of(string text) => new(null, text);

    public override string ToString() => Text ?? Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
