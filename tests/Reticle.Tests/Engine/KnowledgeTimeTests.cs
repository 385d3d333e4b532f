using Reticle.Determination;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Engine;

/// <summary>The second kind of time: what was known on a date (rules by their publication date).</summary>
public sealed class KnowledgeTimeTests
{
    [Fact]
    public void Before_its_publication_a_rule_is_unknown_even_for_a_later_act()
    {
        // Known on 2023-06-29 (the Regeling was published on 2023-06-30): a shipment on 2023-10-01
        // was then not known to need a Dutch licence.
        var d = DeterminationEngine.Determine(BundledRules.KnownAt(Date("2023-06-29")), Litho("2023-10-01"));
        d.Jurisdictions.ShouldNotContain(j => j.Jurisdiction == "NL");
        d.KnownAt.ShouldBe(Date("2023-06-29"));
    }

    [Fact]
    public void After_publication_and_before_entry_into_force_the_rule_is_known_for_later_acts() =>
        DeterminationEngine.Determine(BundledRules.KnownAt(Date("2023-07-01")), Litho("2023-10-01"))
            .Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(Outcome.LicenseRequired);

    [Fact]
    public void Until_the_amendment_was_published_the_old_version_looked_open_ended()
    {
        // Known on 2024-09-01: the 2024 amendment (published 2024-09-06) was unknown, so the 2023
        // annex was thought to apply on 2024-10-01 as well: the 1.6 nm DCO tool needed no Dutch licence.
        var nl = DeterminationEngine.Determine(BundledRules.KnownAt(Date("2024-09-01")), Litho("2024-10-01", dco: 1.6m))
            .Jurisdictions.Single(j => j.Jurisdiction == "NL");
        nl.Outcome.ShouldBe(Outcome.Permitted);
        nl.RuleVersions.ShouldBe(["nl.sme-2023@2023-09-01"]);

        DeterminationEngine.Determine(BundledRules.KnownAt(Date("2024-09-06")), Litho("2024-10-01", dco: 1.6m))
            .Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(Outcome.LicenseRequired);
    }
}
