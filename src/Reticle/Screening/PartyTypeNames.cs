namespace Reticle.Screening;

public static class PartyTypeNames
{
    /// <summary>The CLI's and API's words for a party type: <c>entity</c>, <c>individual</c>, <c>vessel</c>, <c>aircraft</c>.</summary>
    public static bool TryParse(string? text, out PartyType type)
    {
        type = text?.Trim().ToLowerInvariant() switch
        {
            "entity" => PartyType.Entity,
            "individual" => PartyType.Individual,
            "vessel" => PartyType.Vessel,
            "aircraft" => PartyType.Aircraft,
            _ => PartyType.Unknown,
        };
        return type != PartyType.Unknown;
    }

    public static string ToWire(this PartyType type) => type.ToString().ToLowerInvariant();
}
