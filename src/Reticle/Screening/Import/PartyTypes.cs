namespace Reticle.Screening.Import;

/// <summary>The party types as the US lists spell them ("Entity", "individual", "Vessel", "Aircraft"), case ignored.</summary>
internal static class PartyTypes
{
    public static PartyType? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "ENTITY" => PartyType.Entity,
        "INDIVIDUAL" => PartyType.Individual,
        "VESSEL" => PartyType.Vessel,
        "AIRCRAFT" => PartyType.Aircraft,
        _ => null,
    };
}
