using System.Text.RegularExpressions;

namespace Reticle.Model;

/// <summary>
/// The US-origin integrated circuits an item contains, read as EAR §734.4(a)(8) and (a)(9) count them:
/// only an IC "specified under Category 3, 4, or 5 of the CCL" (an ECCN such as 3A001, 3A991, 4A994,
/// 5A992) takes away the de minimis level; an EAR99 IC does not.
/// </summary>
public static partial class UsOriginIcs
{
    [GeneratedRegex(@"^[345][A-E]\d{3}(\.|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Category345();

    /// <summary>Whether the ECCN is in Category 3, 4 or 5 of the CCL (EAR99 and other categories are not).</summary>
    public static bool IsInCategory345(string eccn) => Category345().IsMatch(eccn.Trim().ToUpperInvariant());

    /// <summary>
    /// <c>yes</c> if a stated classification is in Category 3, 4 or 5; <c>no</c> if the classifications are
    /// stated and none is, or the item contains no US-origin IC; otherwise not known (<c>null</c>): an item
    /// that contains a US-origin IC of unstated classification may or may not be caught.
    /// </summary>
    public static string? InCategory345(Item item)
    {
        if (!item.UsOriginIcEccns.IsDefault)
        {
            return item.UsOriginIcEccns.Any(IsInCategory345) ? "yes" : "no";
        }
        return item.ContainsUsOriginIc == false ? "no" : null;
    }
}
