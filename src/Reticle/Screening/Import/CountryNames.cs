using System.Collections.Frozen;
using System.Text;
using Reticle.Model;

namespace Reticle.Screening.Import;

/// <summary>
/// Country names as the lists print them (OFAC "Korea, North", "Bahamas, The", "Region: Crimea"; UN
/// "Iran (Islamic Republic of)", "Türkiye"; CSL "PRC", "MAN, ISLE OF") mapped to ISO 3166-1 alpha-2.
/// A name not known here is dropped, not an error: a list entry's countries help screening narrow
/// candidates, and a wrong country would hide a hit where a missing one only widens the search.
/// Regions wholly inside one country map to it (Crimea to UA, Gaza and the West Bank to PS); disputed
/// or multi-country regions (Kashmir, Kafia Kingi, the CIS) and withdrawn codes (Netherlands Antilles)
/// map to nothing.
/// </summary>
public static class CountryNames
{
    // ISO 3166-1 English short names first, then the spellings the US, UN and EU lists use.
    private static readonly (string Code, string Names)[] Table =
    [
        ("AD", "Andorra"), ("AE", "United Arab Emirates|UAE"), ("AF", "Afghanistan"), ("AG", "Antigua and Barbuda"),
        ("AI", "Anguilla"), ("AL", "Albania"), ("AM", "Armenia"), ("AO", "Angola"), ("AQ", "Antarctica"),
        ("AR", "Argentina"), ("AS", "American Samoa"), ("AT", "Austria"), ("AU", "Australia"), ("AW", "Aruba"),
        ("AX", "Åland Islands|Aland Islands"), ("AZ", "Azerbaijan"), ("BA", "Bosnia and Herzegovina|Bosnia-Herzegovina"),
        ("BB", "Barbados"), ("BD", "Bangladesh"), ("BE", "Belgium"), ("BF", "Burkina Faso"), ("BG", "Bulgaria"),
        ("BH", "Bahrain"), ("BI", "Burundi"), ("BJ", "Benin"), ("BL", "Saint Barthélemy|Saint Barthelemy"), ("BM", "Bermuda"),
        ("BN", "Brunei Darussalam|Brunei"), ("BO", "Bolivia|Bolivia (Plurinational State of)|Plurinational State of Bolivia"),
        ("BQ", "Bonaire, Sint Eustatius and Saba"), ("BR", "Brazil"), ("BS", "Bahamas|Bahamas, The|The Bahamas"),
        ("BT", "Bhutan"), ("BV", "Bouvet Island"), ("BW", "Botswana"), ("BY", "Belarus"), ("BZ", "Belize"),
        ("CA", "Canada"), ("CC", "Cocos (Keeling) Islands"),
        ("CD", "Congo, Democratic Republic of the|Democratic Republic of the Congo|Congo (Democratic Republic)|Congo, The Democratic Republic of the|DRC|Congo (Kinshasa)"),
        ("CF", "Central African Republic"),
        ("CG", "Congo|Congo, Republic of the|Republic of the Congo|Congo (Brazzaville)"),
        ("CH", "Switzerland"), ("CI", "Côte d'Ivoire|Cote d'Ivoire|Cote d Ivoire|Ivory Coast"), ("CK", "Cook Islands"),
        ("CL", "Chile"), ("CM", "Cameroon"), ("CN", "China|People's Republic of China|PRC|China, People's Republic of|Region: China"),
        ("CO", "Colombia"), ("CR", "Costa Rica"), ("CU", "Cuba"), ("CV", "Cabo Verde|Cape Verde"), ("CW", "Curaçao|Curacao"),
        ("CX", "Christmas Island"), ("CY", "Cyprus"), ("CZ", "Czechia|Czech Republic"), ("DE", "Germany"),
        ("DJ", "Djibouti"), ("DK", "Denmark"), ("DM", "Dominica"), ("DO", "Dominican Republic"), ("DZ", "Algeria"),
        ("EC", "Ecuador"), ("EE", "Estonia"), ("EG", "Egypt"), ("EH", "Western Sahara"), ("ER", "Eritrea"),
        ("ES", "Spain"), ("ET", "Ethiopia"), ("FI", "Finland"), ("FJ", "Fiji"), ("FK", "Falkland Islands (Malvinas)|Falkland Islands"),
        ("FM", "Micronesia (Federated States of)|Micronesia, Federated States of|Micronesia"), ("FO", "Faroe Islands"),
        ("FR", "France"), ("GA", "Gabon"), ("GB", "United Kingdom|United Kingdom of Great Britain and Northern Ireland|Great Britain|UK"),
        ("GD", "Grenada"), ("GE", "Georgia"), ("GF", "French Guiana"), ("GG", "Guernsey"), ("GH", "Ghana"),
        ("GI", "Gibraltar"), ("GL", "Greenland"), ("GM", "Gambia|Gambia, The|The Gambia"), ("GN", "Guinea"),
        ("GP", "Guadeloupe"), ("GQ", "Equatorial Guinea"), ("GR", "Greece"), ("GS", "South Georgia and the South Sandwich Islands"),
        ("GT", "Guatemala"), ("GU", "Guam"), ("GW", "Guinea-Bissau"), ("GY", "Guyana"),
        ("HK", "Hong Kong|China, Hong Kong Special Administrative Region|Hong Kong SAR|Hong Kong, China"),
        ("HM", "Heard Island and McDonald Islands"), ("HN", "Honduras"), ("HR", "Croatia"), ("HT", "Haiti"),
        ("HU", "Hungary"), ("ID", "Indonesia"), ("IE", "Ireland"), ("IL", "Israel"), ("IM", "Isle of Man|Man, Isle of"),
        ("IN", "India"), ("IO", "British Indian Ocean Territory"), ("IQ", "Iraq"),
        ("IR", "Iran|Iran (Islamic Republic of)|Islamic Republic of Iran|Iran, Islamic Republic of|Region: Iran"),
        ("IS", "Iceland"), ("IT", "Italy"), ("JE", "Jersey"), ("JM", "Jamaica"), ("JO", "Jordan"), ("JP", "Japan"),
        ("KE", "Kenya"), ("KG", "Kyrgyzstan|Kyrgyz Republic"), ("KH", "Cambodia"), ("KI", "Kiribati"), ("KM", "Comoros"),
        ("KN", "Saint Kitts and Nevis"),
        ("KP", "Korea, North|North Korea|Democratic People's Republic of Korea|Korea, Democratic People's Republic of|DPRK"),
        ("KR", "Korea, South|South Korea|Republic of Korea|Korea, Republic of"), ("KW", "Kuwait"), ("KY", "Cayman Islands"),
        ("KZ", "Kazakhstan"), ("LA", "Laos|Lao People's Democratic Republic"), ("LB", "Lebanon"), ("LC", "Saint Lucia"),
        ("LI", "Liechtenstein"), ("LK", "Sri Lanka"), ("LR", "Liberia"), ("LS", "Lesotho"), ("LT", "Lithuania"),
        ("LU", "Luxembourg"), ("LV", "Latvia"), ("LY", "Libya"), ("MA", "Morocco"), ("MC", "Monaco"),
        ("MD", "Moldova|Republic of Moldova|Moldova, Republic of"), ("ME", "Montenegro"), ("MF", "Saint Martin (French part)"),
        ("MG", "Madagascar"), ("MH", "Marshall Islands"),
        ("MK", "North Macedonia|North Macedonia, The Republic of|Republic of North Macedonia|Macedonia"),
        ("ML", "Mali|Region: Northern Mali"), ("MM", "Myanmar|Burma"), ("MN", "Mongolia"),
        ("MO", "Macao|Macau|China, Macao Special Administrative Region"), ("MP", "Northern Mariana Islands"),
        ("MQ", "Martinique"), ("MR", "Mauritania"), ("MS", "Montserrat"), ("MT", "Malta"), ("MU", "Mauritius"),
        ("MV", "Maldives"), ("MW", "Malawi"), ("MX", "Mexico"), ("MY", "Malaysia"), ("MZ", "Mozambique"),
        ("NA", "Namibia"), ("NC", "New Caledonia"), ("NE", "Niger"), ("NF", "Norfolk Island"), ("NG", "Nigeria"),
        ("NI", "Nicaragua"), ("NL", "Netherlands|Netherlands (Kingdom of the)|The Netherlands"), ("NO", "Norway"),
        ("NP", "Nepal"), ("NR", "Nauru"), ("NU", "Niue"), ("NZ", "New Zealand"), ("OM", "Oman"), ("PA", "Panama"),
        ("PE", "Peru"), ("PF", "French Polynesia"), ("PG", "Papua New Guinea"), ("PH", "Philippines"),
        ("PK", "Pakistan"), ("PL", "Poland"), ("PM", "Saint Pierre and Miquelon"), ("PN", "Pitcairn"),
        ("PR", "Puerto Rico"),
        ("PS", "Palestine|State of Palestine|Palestine, State of|Palestinian|Palestinian Territories|West Bank|Gaza|Region: Gaza|Region: North Gaza|Region: Northern Gaza|Region: West Bank"),
        ("PT", "Portugal"), ("PW", "Palau"), ("PY", "Paraguay"), ("QA", "Qatar"), ("RE", "Réunion|Reunion"), ("RO", "Romania"),
        ("RS", "Serbia"), ("RU", "Russia|Russian Federation|Region: Russia"), ("RW", "Rwanda"), ("SA", "Saudi Arabia"),
        ("SB", "Solomon Islands"), ("SC", "Seychelles"), ("SD", "Sudan"), ("SE", "Sweden"), ("SG", "Singapore"),
        ("SH", "Saint Helena, Ascension and Tristan da Cunha|Saint Helena"), ("SI", "Slovenia"),
        ("SJ", "Svalbard and Jan Mayen"), ("SK", "Slovakia"), ("SL", "Sierra Leone"), ("SM", "San Marino"),
        ("SN", "Senegal"), ("SO", "Somalia"), ("SR", "Suriname"), ("SS", "South Sudan"),
        ("ST", "São Tomé and Príncipe|Sao Tome and Principe"), ("SV", "El Salvador"), ("SX", "Sint Maarten (Dutch part)|Sint Maarten"),
        ("SY", "Syria|Syrian Arab Republic"), ("SZ", "Eswatini|Swaziland"), ("TC", "Turks and Caicos Islands"),
        ("TD", "Chad"), ("TF", "French Southern Territories"), ("TG", "Togo"), ("TH", "Thailand"),
        ("TJ", "Tajikistan"), ("TK", "Tokelau"), ("TL", "Timor-Leste|East Timor"), ("TM", "Turkmenistan"),
        ("TN", "Tunisia"), ("TO", "Tonga"), ("TR", "Türkiye|Turkiye|Turkey|Republic of Türkiye|Republic of Turkiye"), ("TT", "Trinidad and Tobago"),
        ("TV", "Tuvalu"), ("TW", "Taiwan|Taiwan, Province of China"),
        ("TZ", "Tanzania|United Republic of Tanzania|Tanzania, United Republic of"), ("UA", "Ukraine|Region: Crimea|Crimea|Crimea (Occupied)"),
        ("UG", "Uganda"), ("UM", "United States Minor Outlying Islands"),
        ("US", "United States|United States of America|USA"), ("UY", "Uruguay"), ("UZ", "Uzbekistan"),
        ("VA", "Holy See|Vatican City"), ("VC", "Saint Vincent and the Grenadines"),
        ("VE", "Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela"),
        ("VG", "Virgin Islands (British)|Virgin Islands, British|British Virgin Islands"),
        ("VI", "Virgin Islands (U.S.)|Virgin Islands, U.S.|U.S. Virgin Islands"), ("VN", "Viet Nam|Vietnam"),
        ("VU", "Vanuatu"), ("WF", "Wallis and Futuna"), ("WS", "Samoa"), ("XK", "Kosovo"), ("YE", "Yemen"),
        ("YT", "Mayotte"), ("ZA", "South Africa"), ("ZM", "Zambia"), ("ZW", "Zimbabwe"),
    ];

    private static readonly FrozenDictionary<string, string> ByName = Table
        .SelectMany(row => row.Names.Split('|').Select(name => (Key: Fold(name), row.Code)))
        .Distinct() // spellings that differ only in punctuation fold alike; one name with two codes still throws
        .ToFrozenDictionary(x => x.Key, x => x.Code, StringComparer.Ordinal);

    /// <summary>
    /// The ISO 3166-1 alpha-2 code for a country as a list prints it: an assigned two-letter code in
    /// capitals stays as it is (in lower case it is not taken for a code: the UN writes "na" for "not
    /// available", not Namibia), a known name maps to its code, anything else gives null.
    /// </summary>
    public static string? ToCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && CountryCode.TryParse(trimmed, out var code))
        {
            return code.Value;
        }
        return ByName.GetValueOrDefault(Fold(trimmed));
    }

    /// <summary>
    /// Upper case, letters and digits only, single spaces: "Korea, North" and "KOREA NORTH" fold alike.
    /// Accents stay (the build runs with invariant globalization, which does not decompose them), so the
    /// table spells accented names both ways.
    /// </summary>
    private static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToUpperInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }
}
