namespace Reticle.Model;

/// <summary>A party to a transaction, screened against the restricted-party lists.</summary>
public sealed record Party(PartyRole Role, string Name, CountryCode Country, string? Address);
