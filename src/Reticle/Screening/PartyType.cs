namespace Reticle.Screening;

/// <summary>What kind of party a list entry or a screening query names. Lists mark it differently; importers map it here.</summary>
public enum PartyType
{
    Unknown,
    Entity,
    Individual,
    Vessel,
    Aircraft,
}
