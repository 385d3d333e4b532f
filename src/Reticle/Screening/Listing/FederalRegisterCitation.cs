using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Reticle.Screening.Listing;

/// <summary>
/// One Federal Register citation as the Entity List prints it ("90 FR 4617"): a volume (one a calendar year,
/// volume 90 being 2025) and a page. <see cref="Page"/> is null where the text names the volume without a
/// page ("88 FR", "76 FR No. 197 (10/12/2011)"): such a citation cannot be dated.
/// </summary>
public readonly partial record struct FederalRegisterCitation(int Volume, int? Page)
{
    // "77 FR 61249", "80FR 69852", "84 fr 40241"; a volume followed by anything but a page ("88 FR", "76 FR No. 197") has none.
    [GeneratedRegex(@"\b(\d{1,3})\s*FR\b[ \t]*(\d{1,6})?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    /// <summary>Every citation in an entry's Federal Register text, in the order written.</summary>
    public static ImmutableArray<FederalRegisterCitation> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. Citation().Matches(text).Select(m => new FederalRegisterCitation(
                int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups[2].Success ? int.Parse(m.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null))];

    /// <summary>
    /// The earliest in publication order: by volume, then page. A citation without a page counts as the first of its
    /// volume, since it may be the earliest of that year.
    /// </summary>
    public static FederalRegisterCitation Earliest(IEnumerable<FederalRegisterCitation> citations) =>
        citations.MinBy(c => (c.Volume, c.Page ?? 0));

    public override string ToString() => Page is { } page ? $"{Volume} FR {page}" : $"{Volume} FR (no page)";
}
