using System.ComponentModel;
using System.Text.Json.Nodes;
using Activities = Reticle.Model.Activity;
using Knowledges = Reticle.Model.Knowledge;
using PartyRoles = Reticle.Model.PartyRole;

namespace Reticle.Cli.Api.Schemas;

// A transaction as TransactionReader reads it (CONTRACT §2): the body of a determination, and an order.

[Description("A transaction (CONTRACT §2). Countries are ISO 3166-1 alpha-2 codes; an unknown field is rejected naming its path.")]
internal sealed record Transaction
{
    public required string Id { get; init; }

    [Format(FormatAttribute.Date), Description("When the act happens (an order: when it is planned).")]
    public required string Date { get; init; }

    [WireValues(typeof(Activities))]
    public required string Activity { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required TransactionItem Item { get; init; }

    [Description("Greater than zero; 1 if left out.")]
    public decimal? Quantity { get; init; }

    public Money? Value { get; init; }

    public IReadOnlyList<TransactionParty>? Parties { get; init; }

    [WireValues(typeof(Knowledges)), Description("Knowledge facts by name (advancedNodeFacility, militaryEndUse ...): yes, no or unknown; unknown is never read as no.")]
    public IReadOnlyDictionary<string, string>? EndUse { get; init; }

    public IReadOnlyList<Person>? Personnel { get; init; }

    // Not JsonNode?: null is already a JSON value, and "null or any JSON" would be a oneOf that null matches twice.
    [Description("The user's own data: any JSON, kept with the record, never read by rules.")]
    public JsonNode Extensions { get; init; } = null!;
}

internal sealed record TransactionItem
{
    [Description("Looked up in the item catalogue; fields given inline win over the catalogue's.")]
    public string? Sku { get; init; }

    public string? Description { get; init; }

    public string? Origin { get; init; }

    [Description("The technical facts rules test (kind, wavelengthNm, numericalAperture, dedicatedChuckOverlayNm ...): a number or a word.")]
    public IReadOnlyDictionary<string, ParameterValue>? Parameters { get; init; }

    [Description("Classifications by jurisdiction, e.g. {\"US\": \"3B001.f.1.b\"}.")]
    public IReadOnlyDictionary<string, string>? Classifications { get; init; }

    [Description("0 to 100.")]
    public decimal? UsControlledContentPercent { get; init; }

    public IReadOnlyList<string>? UsTechnologyInputs { get; init; }

    public bool? ContainsUsOriginIc { get; init; }

    [Description("The classifications (ECCN, or EAR99) of the US-origin integrated circuits the item contains (EAR 734.4(a)(8), (a)(9)).")]
    public IReadOnlyList<string>? UsOriginIcEccns { get; init; }

    [Description("Produced by a plant outside the US that is itself a direct product of the US technology or software the FDP rules name (734.9(e)(3), (k)).")]
    public bool? ProducedByUsTechnologyPlant { get; init; }

    [Description("Contains a commodity produced by such a plant (734.9(e)(3), (k) and their notes).")]
    public bool? ContainsUsTechnologyPlantProduct { get; init; }

    public string? SpeciallyDesignedFor { get; init; }
}

[OneOf(typeof(decimal), typeof(string))]
[Description("A parameter's value: a number or a word.")]
internal sealed record ParameterValue;

internal sealed record TransactionParty
{
    [WireValues(typeof(PartyRoles))]
    public required string Role { get; init; }

    public required string Name { get; init; }

    public required string Country { get; init; }

    public string? Address { get; init; }

    [Description("Where the party, or its ultimate parent, is headquartered.")]
    public string? Headquarters { get; init; }
}

internal sealed record Person
{
    public string? Name { get; init; }

    public bool? UsPerson { get; init; }

    public string? Nationality { get; init; }

    public Employer? Employer { get; init; }
}

[Description("Whom the person works for or acts on behalf of.")]
internal sealed record Employer
{
    public required string Name { get; init; }

    public string? Headquarters { get; init; }

    public string? MajorityOwnerHeadquarters { get; init; }
}

[Description("Several transactions, decided in one request.")]
internal sealed record TransactionBatch
{
    public required IReadOnlyList<Transaction> Transactions { get; init; }
}

[OneOf(typeof(Transaction), typeof(TransactionBatch), typeof(IReadOnlyList<Transaction>))]
[Description("One transaction, {\"transactions\": [...]}, or an array of transactions (JSON Lines is read as an array too).")]
internal sealed record DeterminationRequest;

[OneOf(typeof(Transaction), typeof(IReadOnlyList<Transaction>))]
[Description("Open orders: transactions whose date is the planned date, as one object or an array (JSON Lines is read as an array too).")]
internal sealed record OrdersRequest;
