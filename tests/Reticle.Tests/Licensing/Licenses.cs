using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Licensing;

/// <summary>
/// The Dutch licence of the founding story and shipments under it: NXT:2050i (line 1) and NXT:2100i
/// (line 2) to SMIC in Beijing, issued 2023-09-08, valid 2023-09-10 to 2024-12-31.
/// </summary>
internal static class Licenses
{
    public const string Id = "NL-2023-0042";
    public const string EndUser = "Semiconductor Manufacturing International (Beijing) Corporation";

    public const string NlJson = """
        { "id": "NL-2023-0042", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-08", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "Semiconductor Manufacturing International (Beijing) Corporation" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } },
                     { "item": { "sku": "NXT:2100i" }, "quantity": 2, "value": { "amount": 150000000, "currency": "EUR" } } ],
          "conditions": ["no re-export without the Minister's consent"] }
        """;

    /// <summary>A Japanese general bulk licence: any quantity of 3B001.f.4 tools to three friendly destinations.</summary>
    public const string JpGeneralJson = """
        { "id": "JP-GBL-2023", "kind": "general-authorization", "jurisdiction": "JP",
          "validFrom": "2023-07-23", "destinations": ["US", "KR", "TW"],
          "lines": [ { "item": { "classification": "3B001.f.4" } } ] }
        """;

    public static License Nl => Read(NlJson);

    public static License Read(string json)
    {
        var errors = new List<InputError>();
        var licenses = LicenseReader.Read("test.json", json, errors);
        errors.ShouldBeEmpty();
        return licenses.ShouldHaveSingleItem();
    }

    public static LicenseBook Book(params LicenseEvent[] events) => LicenseBook.From(events);

    public static LicenseBook NlBook(params LicenseEvent[] later) => LicenseBook.From([new LicenseIssued(Nl), .. later]);

    public static LicenseRevoked RevokeLine1(string effective = "2024-01-01", string announced = "2024-01-01") =>
        new(Id, RevocationScope.ForLines([1]), Date(effective), Date(announced), "partially revoked by the Dutch government at the request of the United States");

    public static LicenseConsumed Consumed(decimal quantity, string reference, string date = "2023-11-01", string? announced = null, int line = 1) =>
        new(Id, line, quantity, new Money(65_000_000m * quantity, "EUR"), reference, Date(date), Date(announced ?? date));

    public static LicenseReserved Reserved(decimal quantity, string reference, string date = "2023-11-01", int line = 1) =>
        new(Id, line, quantity, new Money(65_000_000m * quantity, "EUR"), reference, Date(date), Date(date));

    public static LicenseReleased Released(decimal quantity, string reference, string date = "2023-11-15", int line = 1) =>
        new(Id, line, quantity, new Money(65_000_000m * quantity, "EUR"), reference, Date(date), Date(date));

    /// <summary>An NXT:2050i (a 193 nm, NA 1.35, DCO 1.1 nm scanner) shipped from the Netherlands to SMIC Beijing.</summary>
    public static Transaction Shipment(string date, string id = "SO-1", decimal quantity = 1, string sku = "NXT:2050i", string to = "CN",
        string endUser = EndUser, Money? value = null)
    {
        var t = Litho(date, to: to);
        return t with
        {
            Id = id,
            // Dutch-made with no US content or technology and no US persons: the US rules do not reach it.
            Item = t.Item with { Sku = sku, Description = "ArF immersion step-and-scan lithography system", UsTechnologyInputs = [], ContainsUsOriginIc = false, Origin = CountryCode.Parse("NL") },
            Personnel = [new Person("field engineer", false, CountryCode.Parse("NL"))],
            EndUse = t.EndUse.Add("advancedNodeFacility", Knowledge.No).Add("smeDevelopmentOrProduction", Knowledge.No),
            Quantity = quantity,
            Value = value ?? new Money(65_000_000m * quantity, "EUR"),
            Parties = [new Party(PartyRole.EndUser, endUser, CountryCode.Parse(to), null)],
        };
    }
}
