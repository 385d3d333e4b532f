using System.Collections.Immutable;
using NodaTime;
using Reticle.Bench.Quality;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Screening;
using Reticle.Screening.Matching;
using Reticle.Time;

namespace Reticle.Bench.Impact;

/// <summary>
/// Impact analysis at scale: open orders (the determination workload's mix, each with an end user and a
/// consignee from a pool of 2,000 names, one in fifty a Consolidated Screening List name) against the
/// bundled packs as known at 2023-12-01 and at 2024-01-02, the real CSL, and a licence book of 300
/// licences for catalogue items of which 30 are revoked from 2024-01-01 (announced 2023-12-15).
/// </summary>
internal static class ImpactWorkload
{
    public static readonly LocalDate A = new(2023, 12, 1);
    public static readonly LocalDate B = new(2024, 1, 2);

    public static (Transaction[] Orders, ImpactSide Before, ImpactSide After) Create(int count)
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(Workload.PackSources(), errors);
        RuleSet Rules(LocalDate knownAt) => RuleSetCompiler.Compile(packs, errors, knownAt) ?? throw new InvalidOperationException(string.Join("\n", errors));
        var catalog = Workload.Catalog();
        var entries = ReferenceData.CslEntries();
        var index = ScreeningIndex.Build(entries);
        var versions = ImmutableSortedDictionary<string, string>.Empty.Add("us-csl", "sha256:bench");

        var random = new Random(20231201);
        var names = Enumerable.Range(0, 2000)
            .Select(i => i % 50 == 0 ? (entries[random.Next(entries.Count)].Name, "CN") : ($"Customer {i} Semiconductor Co., Ltd.", "CN"))
            .ToArray();
        var orders = Workload.Transactions(count, catalog).Select((t, i) =>
        {
            var (name, country) = names[random.Next(names.Length)];
            return t with
            {
                Id = $"SO-{i}",
                Quantity = 1,
                Value = new Money(1_000_000m, "EUR"),
                Parties = [new Party(PartyRole.EndUser, name, CountryCode.Parse(country), null), new Party(PartyRole.Consignee, name, CountryCode.Parse(country), null)],
            };
        }).ToArray();

        var book = Book(catalog.Items.Select(i => i.Sku).ToArray(), random);
        var before = Rules(A);
        var after = Rules(B);
        return (orders,
            new ImpactSide(A, DecisionBasis.Of(before, catalog, index, versions, book)),
            new ImpactSide(B, DecisionBasis.Of(after, catalog, index, versions, book)));
    }

    private static LicenseBook Book(string[] skus, Random random)
    {
        string[] jurisdictions = ["EU", "JP", "NL", "US"];
        string[] destinations = ["CN", "US", "DE", "JP", "KR", "TW", "MO", "BE", "GB", "SG"];
        var events = new List<LicenseEvent>();
        for (var i = 0; i < 300; i++)
        {
            var from = new LocalDate(2021, 1, 1).PlusDays(random.Next(0, 700));
            events.Add(new LicenseIssued(new License
            {
                Id = $"LIC-{i:000}",
                Jurisdiction = jurisdictions[random.Next(jurisdictions.Length)],
                Holder = "Exporter B.V.",
                Issued = from,
                Validity = EffectivePeriod.Create(from, from.PlusDays(random.Next(700, 2000))),
                Destinations = [.. destinations.OrderBy(_ => random.Next()).Take(random.Next(2, 6)).Select(CountryCode.Parse)],
                // Quantities no order mix can exhaust: the figure measures deciding, not running out.
                Lines = [new LicenseLine(1, new LicenseItemCriteria(skus[random.Next(skus.Length)], null, null), 1_000_000, null)],
            }));
        }
        for (var i = 0; i < 300; i += 10)
        {
            events.Add(new LicenseRevoked($"LIC-{i:000}", RevocationScope.Whole, new LocalDate(2024, 1, 1), new LocalDate(2023, 12, 15), "bench revocation"));
        }
        return LicenseBook.From(events);
    }
}
