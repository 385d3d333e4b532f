using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Rules;

/// <summary>
/// The condition language's party and person facts: exporter.country, exporter.headquarters,
/// endUser.headquarters and anyPerson(...), each unknown when not given, with the missing fact named.
/// </summary>
public sealed class PartyAndPersonFactTests
{
    private static string Pack(string when) => $"""
        pack: test.us
        jurisdiction: US
        citation: test
        published: 2020-01-01
        effective: {"{"} from: 2020-01-01 {"}"}
        reach: to == CN
        definitions:
          groups:
            test.d5:
              members: [CN, MO, RU]
        requirements:
          - id: test.rule
            activities: [export, service]
            when: {when}
            effect: license-required
            citation: test
        """;

    private static RuleSet Compile(string when)
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([new RulePackSource("test.yaml", Pack(when))], errors);
        var rules = errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors) : null;
        return rules ?? throw new InvalidOperationException(string.Join("\n", errors));
    }

    private static List<PackError> Errors(string when)
    {
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([new RulePackSource("test.yaml", Pack(when))], errors);
        if (errors.Count == 0)
        {
            RuleSetCompiler.Compile(packs, errors);
        }
        return errors;
    }

    private static Finding Decide(string when, ImmutableArray<Party> parties, ImmutableArray<Person> personnel)
    {
        var t = Litho("2025-01-01") with { Parties = parties, Personnel = personnel };
        return DeterminationEngine.Determine(Compile(when), t, null, []).Jurisdictions.Single().Findings.Single();
    }

    private static Party Exporter(string country, string? hq) =>
        new(PartyRole.Exporter, "Exporter", CountryCode.Parse(country), null) { Headquarters = hq is null ? null : CountryCode.Parse(hq) };

    private static Person Engineer(bool? usPerson, string? employerHq, string? ownerHq) =>
        new("Engineer", usPerson, null)
        {
            Employer = employerHq is null && ownerHq is null ? null
                : new Employer("Co", employerHq is null ? null : CountryCode.Parse(employerHq), ownerHq is null ? null : CountryCode.Parse(ownerHq)),
        };

    [Theory]
    [InlineData("CN", FindingStatus.Applies)]
    [InlineData("NL", FindingStatus.DoesNotApply)]
    public void Exporter_headquarters_is_read_from_the_exporter_party(string hq, FindingStatus expected) =>
        Decide("exporter.headquarters in test.d5", [Exporter("NL", hq)], []).Status.ShouldBe(expected);

    [Fact]
    public void Exporter_location_is_its_country_not_the_country_shipped_from() =>
        Decide("exporter.country == DE", [Exporter("DE", "DE")], []).Status.ShouldBe(FindingStatus.Applies);

    [Fact]
    public void No_exporter_party_is_unknown_naming_the_party()
    {
        var finding = Decide("exporter.headquarters in test.d5", [], []);

        finding.Status.ShouldBe(FindingStatus.Undetermined);
        finding.Missing.ShouldBe(["parties[exporter]"]);
    }

    [Fact]
    public void An_exporter_without_headquarters_is_unknown_naming_the_field() =>
        Decide("exporter.headquarters in test.d5", [Exporter("NL", null)], []).Missing.ShouldBe(["parties[exporter].headquarters"]);

    [Fact]
    public void End_user_headquarters_is_read_from_the_end_user_party()
    {
        Party endUser = new(PartyRole.EndUser, "Fab", CountryCode.Parse("CN"), null) { Headquarters = CountryCode.Parse("KR") };

        Decide("endUser.headquarters in test.d5", [endUser], []).Status.ShouldBe(FindingStatus.DoesNotApply);
        Decide("endUser.headquarters in test.d5", [endUser with { Headquarters = null }], []).Missing
            .ShouldBe(["parties[end-user].headquarters"]);
    }

    private const string Covered = "anyPerson(person.usPerson == yes and person.employer.headquarters in test.d5)";

    [Fact]
    public void AnyPerson_asks_each_person_with_their_own_facts() =>
        // One US person employed in Korea, one non-US person employed in China: nobody is both.
        Decide(Covered, [], [Engineer(true, "KR", null), Engineer(false, "CN", null)]).Status.ShouldBe(FindingStatus.DoesNotApply);

    [Fact]
    public void AnyPerson_holds_when_one_person_meets_the_whole_test() =>
        Decide(Covered, [], [Engineer(false, "CN", null), Engineer(true, "CN", null)]).Status.ShouldBe(FindingStatus.Applies);

    [Fact]
    public void AnyPerson_is_unknown_for_a_person_whose_employer_is_not_given_naming_that_person()
    {
        var finding = Decide(Covered, [], [Engineer(false, "CN", null), Engineer(true, null, null)]);

        finding.Status.ShouldBe(FindingStatus.Undetermined);
        finding.Missing.ShouldBe(["personnel[1].employer.headquarters"]);
    }

    [Fact]
    public void AnyPerson_without_personnel_is_unknown()
    {
        var finding = Decide(Covered, [], []);

        finding.Status.ShouldBe(FindingStatus.Undetermined);
        finding.Missing.ShouldBe(["personnel"]);
    }

    [Theory]
    [InlineData("person.usPerson == yes", "is a fact of one person: use it inside anyPerson(...)")]
    [InlineData("anyPerson(anyPerson(person.usPerson == yes))", "cannot be used inside another anyPerson")]
    [InlineData("anyPerson(person.salary == yes)", "unknown person fact 'person.salary'")]
    [InlineData("anyPerson(person.usPerson == yes, to == CN)", "anyPerson takes one condition")]
    [InlineData("exporter.headquarters == XX", "unknown country code 'XX'")]
    public void Misused_facts_are_rejected(string when, string message) =>
        Errors(when).ShouldContain(e => e.Message.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void A_named_condition_cannot_use_person_facts_because_it_is_answered_once_per_transaction()
    {
        const string pack = """
            pack: test.us
            jurisdiction: US
            citation: test
            published: 2020-01-01
            effective: { from: 2020-01-01 }
            reach: to == CN
            definitions:
              conditions:
                test.named:
                  label: named
                  when: person.usPerson == yes
            requirements:
              - id: test.rule
                activities: [service]
                when: anyPerson(test.named)
                effect: license-required
                citation: test
            """;
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll([new RulePackSource("test.yaml", pack)], errors);
        if (errors.Count == 0)
        {
            RuleSetCompiler.Compile(packs, errors);
        }
        errors.ShouldContain(e => e.Message.Contains("is a fact of one person", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_on_the_exporter_decides_the_outcome() =>
        DeterminationEngine.Determine(Compile("exporter.headquarters in test.d5"), Litho("2025-01-01") with { Parties = [Exporter("NL", "RU")] }, null, [])
            .Jurisdictions.Single().Outcome.ShouldBe(O.LicenseRequired);
}
