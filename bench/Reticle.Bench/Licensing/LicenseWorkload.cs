using System.Collections.Immutable;
using NodaTime;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Bench.Licensing;

/// <summary>
/// A deterministic book of licences with their use, and transactions to decide against it: licences
/// over four jurisdictions, fifty SKUs and ten destinations, one in ten a general authorisation by
/// classification; every event passes the book's checks, so the history is one a store could hold.
/// </summary>
internal static class LicenseWorkload
{
    public static readonly string[] Jurisdictions = ["EU", "JP", "NL", "US"];
    private static readonly string[] Destinations = ["CN", "US", "DE", "JP", "KR", "TW", "MO", "SG", "GB", "IN"];
    private static readonly string[] Classifications = ["3B001.f.4", "3B001.c", "3B993.f.1", "3B001.d.12"];

    public static string Sku(int i) => $"SKU-{i:000}";

    public static string EndUser(int i) => $"Fab {i} Semiconductor Co., Ltd.";

    public static LicenseBook Book(int licenses, int eventsPerLicense, int seed = 20240101)
    {
        var random = new Random(seed);
        var events = new List<LicenseEvent>(licenses * eventsPerLicense);
        for (var i = 0; i < licenses; i++)
        {
            var general = i % 10 == 9;
            var from = new LocalDate(2022, 1, 1).PlusDays(random.Next(0, 900));
            var lines = Enumerable.Range(1, random.Next(1, 4)).Select(n => general
                ? new LicenseLine(n, new LicenseItemCriteria(null, Classifications[random.Next(Classifications.Length)], null), null, null)
                : new LicenseLine(n, new LicenseItemCriteria(Sku(random.Next(50)), null, null), random.Next(5, 40), new Money(random.Next(50, 400) * 1_000_000m, "EUR")))
                .ToImmutableArray();
            var license = new License
            {
                Id = $"L-{i:0000}",
                Kind = general ? LicenseKind.GeneralAuthorization : LicenseKind.Individual,
                Jurisdiction = Jurisdictions[random.Next(Jurisdictions.Length)],
                Holder = general ? null : "Exporter B.V.",
                Issued = from.PlusDays(-random.Next(0, 10)),
                Validity = EffectivePeriod.Create(from, general ? null : from.PlusDays(random.Next(180, 730))),
                Destinations = [.. Destinations.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(CountryCode.Parse)],
                Parties = general ? [] : [new LicenseParty(PartyRole.EndUser, EndUser(random.Next(20)))],
                Lines = lines,
            };
            // Each licence's history is checked on its own book: cheap, and the same checks a store would run.
            var own = LicenseBook.From([new LicenseIssued(license)]);
            var recorded = new List<LicenseEvent> { own.Events[0] };
            for (var attempt = 0; recorded.Count < eventsPerLicense && attempt < eventsPerLicense * 4; attempt++)
            {
                var e = Event(random, license, recorded);
                if (own.Check(e) is null)
                {
                    own = own.With(e);
                    recorded.Add(e);
                }
            }
            events.AddRange(recorded);
        }
        return LicenseBook.From(events);
    }

    private static LicenseEvent Event(Random random, License license, List<LicenseEvent> recorded)
    {
        var line = license.Lines[random.Next(license.Lines.Length)];
        var day = license.Validity.From.PlusDays(random.Next(0, 200));
        var quantity = random.Next(1, 3);
        Money? value = line.Value is { } v ? v with { Amount = quantity * 1_000_000m } : null;
        var reference = $"O-{random.Next(1000)}";
        switch (random.Next(20))
        {
            case 0:
                return new LicenseRevoked(license.Id, RevocationScope.ForLines([line.Number]), day, day.PlusDays(random.Next(0, 5)), "sample revocation");
            case < 8 when recorded.OfType<LicenseReserved>().LastOrDefault(r => r.Line == line.Number) is { } reserved:
                return new LicenseReleased(license.Id, line.Number, reserved.Quantity, reserved.Value, reserved.Reference, day, day);
            case < 12:
                return new LicenseReserved(license.Id, line.Number, quantity, value, reference, day, day);
            default:
                return new LicenseConsumed(license.Id, line.Number, quantity, value, reference, day, day);
        }
    }

    public static (string Jurisdiction, Transaction Transaction)[] Transactions(int count, int seed = 7)
    {
        var random = new Random(seed);
        var result = new (string, Transaction)[count];
        for (var i = 0; i < count; i++)
        {
            var to = CountryCode.Parse(Destinations[random.Next(Destinations.Length)]);
            var quantity = random.Next(1, 4);
            var classification = Classifications[random.Next(Classifications.Length)];
            var jurisdiction = Jurisdictions[random.Next(Jurisdictions.Length)];
            result[i] = (jurisdiction, new Transaction
            {
                Id = random.Next(8) == 0 ? $"O-{random.Next(1000)}" : $"T-{i}",
                Date = new LocalDate(2022, 3, 1).PlusDays(random.Next(0, 1200)),
                Activity = Activity.Export,
                From = CountryCode.Parse("NL"),
                To = to,
                Item = new Item { Sku = Sku(random.Next(50)), Classifications = ImmutableDictionary<string, string>.Empty.Add(jurisdiction, classification) },
                Quantity = quantity,
                Value = new Money(quantity * 1_000_000m, "EUR"),
                Parties = [new Party(PartyRole.EndUser, EndUser(random.Next(20)), to, null)],
            });
        }
        return result;
    }
}
