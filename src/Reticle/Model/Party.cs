namespace Reticle.Model;

/// <summary>A party to a transaction, screened against the restricted-party lists.</summary>
public sealed record Party(PartyRole Role, string Name, CountryCode Country, string? Address)
{
    /// <summary>
    /// Where the party, or its ultimate parent company, is headquartered (CONTRACT §2). The EAR turns on it
    /// where it differs from where the party is located: §742.6(a)(6) excludes exporters located in a
    /// Supplement No. 4 country unless they or their parent are headquartered in Macau or D:5, and
    /// §744.6(c)(2)(i) reaches facilities of entities headquartered there. <c>null</c> when not given.
    /// </summary>
    public CountryCode? Headquarters { get; init; }
}
