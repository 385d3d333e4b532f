using Reticle.Screening;

namespace Reticle.Bench.Quality;

/// <summary>A labelled name pair of the nomenklatura name benchmark.</summary>
internal sealed record NameBenchCase(string Group, string Schema, string Name1, string Name2, bool IsMatch, string Quality)
{
    public PartyType Type => Schema switch
    {
        "Person" => PartyType.Individual,
        "Vessel" => PartyType.Vessel,
        "Company" or "Organization" or "LegalEntity" => PartyType.Entity,
        _ => PartyType.Unknown,
    };
}
