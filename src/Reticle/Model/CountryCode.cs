using System.Collections.Frozen;

namespace Reticle.Model;

/// <summary>An ISO 3166-1 alpha-2 country code (with <c>MO</c> Macau, <c>HK</c> Hong Kong, <c>TW</c> Taiwan as their own codes).</summary>
public readonly record struct CountryCode
{
    public string Value { get; }

    private CountryCode(string value) => Value = value;

    public static bool TryParse(string? text, out CountryCode code)
    {
        if (text is { Length: 2 } && Assigned.Contains(text))
        {
            code = new CountryCode(text);
            return true;
        }
        code = default;
        return false;
    }

    public static CountryCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"unknown country code '{text}' (ISO 3166-1 alpha-2 expected)");

    public override string ToString() => Value;

    // ISO 3166-1 alpha-2 officially assigned codes, plus XK (Kosovo), which the US and EU lists use.
    private static readonly FrozenSet<string> Assigned = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
