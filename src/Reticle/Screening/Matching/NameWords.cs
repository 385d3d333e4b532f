using System.Collections.Frozen;

namespace Reticle.Screening.Matching;

/// <summary>
/// The small vocabulary normalisation rewrites: abbreviations lists and customers write ("Intl", "Mfg"), British and
/// American spellings, number words and ordinals, series markers, and the particles and honorifics that say nothing
/// about who a party is.
/// </summary>
internal static class NameWords
{
    private static readonly FrozenDictionary<string, string> Rewrites = new Dictionary<string, string>
    {
        // Abbreviations of words common in company names.
        ["intl"] = "international", ["internat"] = "international", ["int'l"] = "international",
        ["mfg"] = "manufacturing", ["mfr"] = "manufacturer", ["manuf"] = "manufacturing",
        ["tech"] = "technology", ["techn"] = "technology", ["technol"] = "technology",
        ["eng"] = "engineering", ["engg"] = "engineering", ["engr"] = "engineering",
        ["natl"] = "national", ["univ"] = "university", ["inst"] = "institute",
        ["assn"] = "association", ["assoc"] = "association", ["dept"] = "department",
        ["govt"] = "government", ["mgmt"] = "management", ["svc"] = "services", ["svcs"] = "services",
        ["sys"] = "systems", ["equip"] = "equipment", ["dev"] = "development", ["grp"] = "group",
        ["hldg"] = "holding", ["hldgs"] = "holdings", ["acad"] = "academy", ["sci"] = "science",
        ["ctr"] = "center", ["bros"] = "brothers", ["org"] = "organization", ["ind"] = "industrial",
        ["indus"] = "industrial", ["elect"] = "electronic", ["chem"] = "chemical", ["pharma"] = "pharmaceutical",
        // One spelling for words spelt two ways.
        ["centre"] = "center", ["organisation"] = "organization", ["labour"] = "labor", ["defence"] = "defense",
        ["programme"] = "program", ["aluminium"] = "aluminum",
        // Numbers written as words, ordinals and series markers: numbers must agree exactly, however written.
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12",
        ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["sixty"] = "60", ["seventy"] = "70",
        ["eighty"] = "80", ["ninety"] = "90", ["hundred"] = "100",
        ["first"] = "1", ["second"] = "2", ["third"] = "3", ["fourth"] = "4", ["fifth"] = "5", ["sixth"] = "6",
        ["seventh"] = "7", ["eighth"] = "8", ["ninth"] = "9", ["tenth"] = "10",
        // Roman series markers ("Bowne Global Solutions II"); i, v, x, xi are left alone: they are initials and names.
        ["ii"] = "2", ["iii"] = "3", ["iv"] = "4", ["vi"] = "6", ["vii"] = "7", ["viii"] = "8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = new[]
    {
        "the", "of", "and", "for", "in", "at", "on", "by", "to",
        "de", "del", "della", "der", "den", "des", "du", "la", "le", "las", "los", "van", "von", "y", "e", "et", "und",
        "di", "da", "do", "dos", "das",
        "al", "el", "bin", "ibn", "bint", "ben",
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mme", "hon",
        "sheikh", "shaikh", "sheik", "haji", "hajji", "mullah", "maulvi", "mawlawi", "colonel",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The canonical spelling of a token: a digit string for number words and ordinals ("1st", "first"), the full word for an abbreviation.</summary>
    public static string Rewrite(string token)
    {
        if (Rewrites.TryGetValue(token, out var rewritten))
        {
            return rewritten;
        }
        // "1st", "22nd", "3rd", "4th": the number alone.
        if (token.Length > 2 && char.IsAsciiDigit(token[0]) && token[^2..] is "st" or "nd" or "rd" or "th" && token[..^2].All(char.IsAsciiDigit))
        {
            return token[..^2];
        }
        return token;
    }

    public static bool IsParticle(string token) => Particles.Contains(token);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A number written as tens and units ("forty four", "forty-four") as digits, or null.</summary>
    public static string? CompoundNumber(string tens, string units) =>
        Tens.TryGetValue(tens, out var t) && Units.TryGetValue(units, out var u)
            ? (t + u).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
