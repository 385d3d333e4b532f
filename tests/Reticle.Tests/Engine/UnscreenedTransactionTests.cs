using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Engine;

/// <summary>A transaction that names no party has had nobody screened: it is never permitted on that strength (CONTRACT §2).</summary>
public sealed class UnscreenedTransactionTests
{
    private static Transaction ToGermany(params Party[] parties) => Litho("2024-02-01", to: "DE") with { Parties = [.. parties] };

    [Fact]
    public void A_transaction_without_parties_is_review_naming_the_missing_fact()
    {
        var transaction = ToGermany();

        var decided = DeterminationEngine.DetermineScreened(BundledRules.Rules, transaction, null, BundledScreening.Parties.Screen(transaction));

        decided.Outcome.ShouldBe(Outcome.Review);
        decided.Missing.ShouldBe([DeterminationEngine.NoParties]);
        decided.Jurisdictions.ShouldAllBe(j => j.Outcome != Outcome.Review); // the rules themselves have all they need
        DeterminationJson.ToText(decided).ShouldContain("\"missing\":[\"parties\"]");
        DeterminationEngine.OutcomesScreened(BundledRules.Rules, transaction, null, []).Outcome.ShouldBe(Outcome.Review);
    }

    [Fact]
    public void The_same_transaction_with_an_unlisted_party_is_permitted_and_names_nothing_missing()
    {
        var transaction = ToGermany(new Party(PartyRole.EndUser, "Quiet Harbour Wafer Works", CountryCode.Parse("DE"), null));

        var decided = DeterminationEngine.DetermineScreened(BundledRules.Rules, transaction, null, BundledScreening.Parties.Screen(transaction));

        decided.Outcome.ShouldBe(Outcome.Permitted);
        decided.Missing.ShouldBeEmpty();
        DeterminationJson.ToText(decided).ShouldNotContain("\"missing\":[\"parties\"]");
    }

    [Fact]
    public void A_transaction_without_parties_that_already_needs_a_licence_stays_at_least_review()
    {
        var transaction = Litho("2024-02-01", to: "CN");

        var decided = DeterminationEngine.DetermineScreened(BundledRules.Rules, transaction, null, []);

        decided.Outcome.ShouldBe(Outcome.Review);
        decided.Missing.ShouldBe([DeterminationEngine.NoParties]);
    }
}
