using System.Collections.Immutable;
using NodaTime;

namespace Reticle.Model;

/// <summary>One act to decide on: an order, a shipment or a service visit, on its date (CONTRACT §2).</summary>
public sealed record Transaction
{
    public required string Id { get; init; }
    public required LocalDate Date { get; init; }
    public required Activity Activity { get; init; }
    public required CountryCode From { get; init; }
    public required CountryCode To { get; init; }
    public required Item Item { get; init; }
    public decimal Quantity { get; init; } = 1;
    public Money? Value { get; init; }
    public ImmutableArray<Party> Parties { get; init; } = [];

    /// <summary>Knowledge facts about the end use (<c>advancedNodeFacility</c>, …); an absent key is an absent fact.</summary>
    public ImmutableDictionary<string, Knowledge> EndUse { get; init; } = ImmutableDictionary<string, Knowledge>.Empty;

    public ImmutableArray<Person> Personnel { get; init; } = [];

    /// <summary>The original JSON of the transaction, kept so that the audit record holds the exact input.</summary>
    public string? SourceJson { get; init; }
}
