using Reticle.Licensing;
using Reticle.Model;
using static Reticle.Tests.Licensing.Licenses;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Licensing;

/// <summary>When a licence line covers a transaction, and the reason given for each licence that does not.</summary>
public sealed class LicenseCoverageTests
{
    private static LicenseCoverageResult Find(LicenseBook book, Transaction t, string jurisdiction = "NL", string? knownAt = null) =>
        LicenseCoverage.Find(book, jurisdiction, t, knownAt is null ? null : Date(knownAt));

    private static string Why(LicenseBook book, Transaction t, string jurisdiction = "NL")
    {
        var result = Find(book, t, jurisdiction);
        result.Cover.ShouldBeNull();
        return result.Considered.ShouldHaveSingleItem().ToString();
    }

    [Fact]
    public void A_matching_line_covers_and_names_the_balance_after_this_use()
    {
        var cover = Find(NlBook(), Shipment("2023-12-15", quantity: 2)).Cover.ShouldNotBeNull();
        cover.ShouldBe(new CoveringLicense(Id, LicenseKind.Individual, 1, 1m, new Money(65_000_000m, "EUR")));
    }

    [Fact]
    public void Expired_license_does_not_cover() =>
        Why(NlBook(), Shipment("2025-01-01")).ShouldBe("NL-2023-0042: expired: valid until 2024-12-31");

    [Fact]
    public void The_last_valid_day_is_included() =>
        Find(NlBook(), Shipment("2024-12-31")).Covered.ShouldBeTrue();

    [Fact]
    public void License_not_yet_valid_does_not_cover() =>
        Why(NlBook(), Shipment("2023-09-09")).ShouldBe("NL-2023-0042: not yet valid: valid from 2023-09-10");

    [Fact]
    public void Destination_outside_the_license_is_not_covered() =>
        Why(NlBook(), Shipment("2023-12-15", to: "KR")).ShouldBe("NL-2023-0042: destination KR not covered (licence covers CN)");

    [Fact]
    public void Another_end_user_is_not_covered() =>
        Why(NlBook(), Shipment("2023-12-15", endUser: "Hua Hong Semiconductor")).ShouldBe(
            $"NL-2023-0042: end-user '{EndUser}' named by the licence; the transaction's end-user is 'Hua Hong Semiconductor'");

    [Fact]
    public void Party_names_compare_ignoring_case_and_punctuation() =>
        Find(NlBook(), Shipment("2023-12-15", endUser: "SEMICONDUCTOR MANUFACTURING INTERNATIONAL BEIJING CORPORATION")).Covered.ShouldBeTrue();

    [Fact]
    public void A_transaction_without_the_named_party_is_not_covered()
    {
        var t = Shipment("2023-12-15") with { Parties = [] };
        Why(NlBook(), t).ShouldEndWith("the transaction's end-user is not stated");
    }

    [Fact]
    public void Another_item_is_not_covered_and_the_lines_say_what_they_are_for()
    {
        var states = NlBook().StateOn(Date("2023-12-15"), null);
        var result = LicenseCoverage.Find(states, "NL", Shipment("2023-12-15", sku: "NXT:1980i"));
        result.Cover.ShouldBeNull();
        result.Considered.ShouldHaveSingleItem().ToString().ShouldBe(
            "NL-2023-0042: no line is for item NXT:1980i (line 1: sku NXT:2050i; line 2: sku NXT:2100i)");
    }

    [Fact]
    public void A_license_of_another_jurisdiction_is_not_considered() =>
        Find(NlBook(), Shipment("2023-12-15"), jurisdiction: "EU").Considered.ShouldBeEmpty();

    [Fact]
    public void Overdrawn_line_is_not_partial_cover() =>
        Why(NlBook(), Shipment("2023-12-15", quantity: 4)).ShouldBe("NL-2023-0042 line 1: 4 needed, only 3 of 3 left");

    [Fact]
    public void Consumption_draws_the_line_down()
    {
        var book = NlBook(Consumed(2, "SO-0"));
        Why(book, Shipment("2023-12-15", quantity: 2)).ShouldBe("NL-2023-0042 line 1: 2 needed, only 1 of 3 left");
        Find(book, Shipment("2023-12-15", quantity: 1)).Cover!.RemainingQuantity.ShouldBe(0m);
    }

    [Fact]
    public void A_reservation_holds_quantity_until_released()
    {
        var reserved = NlBook(Reserved(3, "SO-7"));
        Why(reserved, Shipment("2023-12-15")).ShouldBe("NL-2023-0042 line 1: 1 needed, only 0 of 3 left");
        var released = reserved.With(Released(3, "SO-7"));
        Find(released, Shipment("2023-12-15")).Cover!.RemainingQuantity.ShouldBe(2m);
    }

    [Fact]
    public void A_transaction_may_use_what_it_has_itself_reserved()
    {
        var book = NlBook(Reserved(3, "SO-7"));
        Find(book, Shipment("2023-12-15", id: "SO-7", quantity: 3)).Cover!.RemainingQuantity.ShouldBe(0m);
    }

    [Fact]
    public void Deciding_a_recorded_shipment_again_gives_the_same_answer()
    {
        var before = Find(NlBook(), Shipment("2023-12-15", id: "SO-9", quantity: 3)).Cover;
        var after = Find(NlBook(Consumed(3, "SO-9", "2023-12-15")), Shipment("2023-12-15", id: "SO-9", quantity: 3)).Cover;
        after.ShouldBe(before);
    }

    [Fact]
    public void A_use_recorded_later_is_unknown_before_it_was_announced()
    {
        var book = NlBook(Consumed(3, "SO-0", "2023-12-01", announced: "2023-12-01"));
        Find(book, Shipment("2023-12-15"), knownAt: "2023-11-30").Covered.ShouldBeTrue();
        Find(book, Shipment("2023-12-15"), knownAt: "2023-12-01").Covered.ShouldBeFalse();
    }

    [Fact]
    public void Value_in_another_currency_is_not_converted() =>
        Why(NlBook(), Shipment("2023-12-15", value: new Money(70_000_000m, "USD"))).ShouldBe("NL-2023-0042 line 1: currency USD differs from licence EUR");

    [Fact]
    public void Value_beyond_the_balance_is_not_covered() =>
        Why(NlBook(), Shipment("2023-12-15", value: new Money(200_000_000m, "EUR"))).ShouldBe(
            "NL-2023-0042 line 1: value 200000000 EUR needed, only 195000000 of 195000000 EUR left");

    [Fact]
    public void A_value_limited_line_needs_the_transaction_value()
    {
        var t = Shipment("2023-12-15") with { Value = null };
        Why(NlBook(), t).ShouldBe("NL-2023-0042 line 1: the line is limited to 195000000 EUR and the transaction states no value");
    }

    [Fact]
    public void General_authorization_covers_any_quantity_of_its_items()
    {
        var book = Book(new LicenseIssued(Read(JpGeneralJson)));
        var t = Shipment("2024-03-01", to: "KR", quantity: 40) with { From = CountryCode.Parse("JP") };
        var declared = t with { Item = t.Item with { Classifications = t.Item.Classifications.Add("JP", "3B001.f.4") } };
        Find(book, declared, "JP").Cover.ShouldBe(new CoveringLicense("JP-GBL-2023", LicenseKind.GeneralAuthorization, 1, null, null));
        Why(book, declared with { To = CountryCode.Parse("CN") }, "JP").ShouldBe("JP-GBL-2023: destination CN not covered (licence covers US, KR, TW)");
        Find(book, t, "JP").Covered.ShouldBeFalse();
    }

    [Fact]
    public void A_classification_the_rules_found_matches_a_line_naming_the_entry()
    {
        var book = Book(new LicenseIssued(Read(JpGeneralJson)));
        var t = Shipment("2024-03-01", to: "KR");
        LicenseCoverage.Find(book, "JP", t, null, ["JP-METI 3B001.f.4"]).Covered.ShouldBeTrue();
        LicenseCoverage.Find(book, "JP", t, null, ["JP-METI 3B001.f.40"]).Covered.ShouldBeFalse();
    }

    [Fact]
    public void An_individual_license_is_preferred_to_a_general_authorization()
    {
        var general = Read(JpGeneralJson.Replace("\"JP\"", "\"NL\"").Replace("\"KR\"", "\"CN\""));
        var book = NlBook(new LicenseIssued(general));
        var t = Shipment("2023-12-15");
        t = t with { Item = t.Item with { Classifications = t.Item.Classifications.Add("NL", "3B001.f.4") } };
        Find(book, t).Cover!.LicenseId.ShouldBe(Id);
        Find(book, t with { Id = "SO-2", Quantity = 5 }).Cover!.LicenseId.ShouldBe("JP-GBL-2023");
    }

    [Fact]
    public void An_amendment_applies_from_its_effective_date_once_known()
    {
        var extended = Nl with { Validity = Reticle.Time.EffectivePeriod.Create(Date("2023-09-10"), Date("2026-01-01")) };
        var book = NlBook(new LicenseAmended(extended, Date("2024-06-01"), Date("2024-05-20"), "validity extended"));
        Find(book, Shipment("2025-03-01")).Covered.ShouldBeTrue();
        Find(book, Shipment("2025-03-01"), knownAt: "2024-05-19").Considered.ShouldHaveSingleItem().Reason.ShouldBe("expired: valid until 2024-12-31");
    }
}
