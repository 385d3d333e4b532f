using System.Collections.Immutable;
using FsCheck;
using FsCheck.Xunit;
using Outcome = Reticle.Determination.Outcome;
using NodaTime;
using Reticle.Determination;
using Reticle.Licensing;
using Reticle.Model;
using Reticle.Time;
using static Reticle.Tests.Licensing.Licenses;

namespace Reticle.Tests.Licensing;

/// <summary>The indexed lookup and the engine's fast pass agree with the plain ways of asking.</summary>
public sealed class LicenseCoveragePropertyTests
{
    private static readonly string[] Skus = ["NXT:2050i", "NXT:2100i", "NXT:1980i"];
    private static readonly string[] Destinations = ["CN", "KR", "US", "TW"];
    private static readonly string[] EndUsers = [EndUser, "Hua Hong Semiconductor", "Samsung Electronics"];

    /// <summary>A book of random licences (some general authorisations by classification, some revoked or used) over NL and JP.</summary>
    private static LicenseBook RandomBook(Random random)
    {
        var book = LicenseBook.Empty;
        for (var i = 0; i < random.Next(1, 12); i++)
        {
            var general = random.Next(4) == 0;
            var from = new LocalDate(2023, 6, 1).PlusDays(random.Next(0, 500));
            var license = new License
            {
                Id = $"L-{i}",
                Kind = general ? LicenseKind.GeneralAuthorization : LicenseKind.Individual,
                Jurisdiction = random.Next(3) == 0 ? "JP" : "NL",
                Holder = general ? null : "ASML Netherlands B.V.",
                Issued = from.PlusDays(-random.Next(0, 60)),
                Validity = EffectivePeriod.Create(from, general ? null : from.PlusDays(random.Next(30, 600))),
                Destinations = [.. Destinations.Where(_ => random.Next(2) == 0).DefaultIfEmpty("CN").Select(CountryCode.Parse)],
                Parties = general || random.Next(3) == 0 ? [] : [new LicenseParty(PartyRole.EndUser, EndUsers[random.Next(EndUsers.Length)])],
                Lines = [.. Enumerable.Range(1, random.Next(1, 3)).Select(n => general
                    ? new LicenseLine(n, new LicenseItemCriteria(null, "3B001.f.4", null), null, null)
                    : new LicenseLine(n, new LicenseItemCriteria(Skus[random.Next(Skus.Length)], null, null), random.Next(1, 5),
                        random.Next(2) == 0 ? null : new Money(random.Next(1, 5) * 65_000_000m, "EUR")))],
            };
            book = book.With(new LicenseIssued(license));
            for (var j = 0; j < random.Next(0, 6); j++)
            {
                var day = from.PlusDays(random.Next(0, 300));
                var line = random.Next(1, license.Lines.Length + 1);
                LicenseEvent e = random.Next(4) == 0
                    ? new LicenseRevoked(license.Id, random.Next(2) == 0 ? RevocationScope.ForLines([line]) : RevocationScope.Whole, day, day.PlusDays(random.Next(0, 20)), "random")
                    : new LicenseConsumed(license.Id, line, 1, license.Lines[line - 1].Value is null ? null : new Money(65_000_000m, "EUR"), $"SO-{random.Next(4)}", day, day);
                if (book.Check(e) is null)
                {
                    book = book.With(e);
                }
            }
        }
        return book;
    }

    private static Transaction RandomShipment(Random random)
    {
        var t = Shipment(
            NodaTime.Text.LocalDatePattern.Iso.Format(new LocalDate(2023, 6, 1).PlusDays(random.Next(0, 900))),
            id: $"SO-{random.Next(6)}", quantity: random.Next(1, 4), sku: Skus[random.Next(Skus.Length)],
            to: Destinations[random.Next(Destinations.Length)], endUser: EndUsers[random.Next(EndUsers.Length)]);
        return random.Next(3) == 0
            ? t with { Item = t.Item with { Classifications = ImmutableDictionary<string, string>.Empty.Add("JP", "3B001.f.4").Add("NL", "3B001.f.4") } }
            : t;
    }

    [Property(MaxTest = 300)]
    public void The_indexed_lookup_finds_what_a_scan_of_every_license_finds(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var book = RandomBook(random);
        for (var i = 0; i < 5; i++)
        {
            var t = RandomShipment(random);
            LocalDate? knownAt = random.Next(3) == 0 ? t.Date.PlusDays(-random.Next(0, 100)) : null;
            foreach (var jurisdiction in (string[])["NL", "JP"])
            {
                var indexed = LicenseCoverage.Find(book, jurisdiction, t, knownAt);
                var scanned = LicenseCoverage.Find(book.StateOn(t.Date, knownAt), jurisdiction, t);
                indexed.Cover.ShouldBe(scanned.Cover);
                // The scan also looks at licences for other items; the index skips those without a word.
                indexed.Considered.ShouldBe(scanned.Considered.Where(c => !c.Reason.StartsWith("no line is for item", StringComparison.Ordinal)));
            }
        }
    }

    [Property(MaxTest = 100)]
    public void The_outcomes_pass_agrees_with_full_determinations_when_licences_are_given(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var book = RandomBook(random);
        var t = RandomShipment(random);
        var full = DeterminationEngine.Determine(BundledRules.Rules, t, listings: [], licenses: book);
        var fast = DeterminationEngine.Outcomes(BundledRules.Rules, t, listings: [], licenses: book);
        fast.Jurisdictions.ShouldBe(full.Jurisdictions.Select(j => j.Outcome).ToArray());
        fast.Outcome.ShouldBe(full.Outcome);
        foreach (var j in full.Jurisdictions)
        {
            (j.License is not null).ShouldBe(j.Outcome == Outcome.Licensed);
        }
    }
}
