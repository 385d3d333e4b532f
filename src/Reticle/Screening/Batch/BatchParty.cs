namespace Reticle.Screening.Batch;

/// <summary>One row of a batch screening file (<c>id,name[,country,type]</c>), with the line it came from.</summary>
public sealed record BatchParty(int Line, string Id, string Name, string? Country, PartyType Type);
