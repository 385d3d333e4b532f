namespace Reticle.Screening.Matching;

/// <summary>
/// What a party's country and type do to a name score. Both are qualifiers, never filters: a listed party may trade
/// from a country its entry does not name, and lists type entries loosely.
/// <list type="bullet">
/// <item>Country: a query country the entry names raises the score by <see cref="CountryAgreement"/>; one it does
/// not name lowers it by <see cref="CountryDisagreement"/>, except that a name matching at
/// <see cref="ScreeningIndex.StrongMatch"/> or more is never lowered below that level: the same name is the same
/// party until a reviewer says otherwise. No country on either side changes nothing.</item>
/// <item>Type: a person against an entity, vessel or aircraft (or the other way) multiplies the score by
/// <see cref="PersonVersusOther"/>; an entity against a vessel or aircraft by <see cref="OtherTypeMismatch"/>.
/// Unknown on either side changes nothing.</item>
/// </list>
/// </summary>
internal static class Qualifiers
{
    public const double CountryAgreement = 0.02;
    public const double CountryDisagreement = 0.05;
    public const double PersonVersusOther = 0.8;
    public const double OtherTypeMismatch = 0.9;

    public static double Apply(double score, ScreeningQuery query, ListEntry entry, List<string>? explanation)
    {
        var qualified = score;
        if (query.Type != PartyType.Unknown && entry.Type != PartyType.Unknown && query.Type != entry.Type)
        {
            var factor = query.Type == PartyType.Individual || entry.Type == PartyType.Individual ? PersonVersusOther : OtherTypeMismatch;
            qualified *= factor;
            explanation?.Add($"type: query is {Describe(query.Type)}, entry is {Describe(entry.Type)}: score x{factor:0.00}");
        }
        if (query.Country is { Length: > 0 } country && !entry.Countries.IsDefaultOrEmpty)
        {
            if (entry.Countries.Contains(country, StringComparer.OrdinalIgnoreCase))
            {
                qualified = Math.Min(1, qualified + CountryAgreement);
                explanation?.Add($"country: {country.ToUpperInvariant()} is among the entry's countries: +{CountryAgreement:0.00}");
            }
            else
            {
                var lowered = qualified - CountryDisagreement;
                if (score >= ScreeningIndex.StrongMatch)
                {
                    lowered = Math.Max(lowered, Math.Min(qualified, ScreeningIndex.StrongMatch));
                }
                explanation?.Add($"country: {country.ToUpperInvariant()} is not among the entry's countries ({string.Join(", ", entry.Countries)}): "
                    + (lowered < qualified ? $"-{qualified - lowered:0.00}" : "kept, the name matches strongly"));
                qualified = lowered;
            }
        }
        return Math.Max(0, qualified);
    }

    private static string Describe(PartyType type) => type switch
    {
        PartyType.Individual => "a person",
        PartyType.Entity => "an entity",
        PartyType.Vessel => "a vessel",
        PartyType.Aircraft => "an aircraft",
        _ => "unknown",
    };
}
