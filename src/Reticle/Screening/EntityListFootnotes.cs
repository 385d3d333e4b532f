using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Reticle.Screening;

/// <summary>
/// Reads the footnote numbers out of an Entity List licence requirement as the Consolidated
/// Screening List prints it: a digit glued to a closing parenthesis or to "EAR", e.g.
/// "For all items subject to the EAR (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5"
/// (footnote 5) or "see §§734.9(e)1 and 744.11 of the EAR2" (footnotes 1 and 2). Supplement No. 4 to
/// Part 744 defines footnotes 1 to 5; the CSL has no structured field for them.
/// </summary>
public static partial class EntityListFootnotes
{
    [GeneratedRegex(@"(?:\)|EAR)\.?\s?([1-5])(?![\d(])")]
    private static partial Regex Marker();

    public static ImmutableArray<int> Parse(string? licenseRequirement) =>
        licenseRequirement is null
            ? []
            : [.. Marker().Matches(licenseRequirement).Select(m => m.Groups[1].Value[0] - '0').Distinct().Order()];
}
