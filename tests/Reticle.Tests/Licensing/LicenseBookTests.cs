using Reticle.Licensing;
using Reticle.Model;
using static Reticle.Tests.Licensing.Licenses;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Licensing;

/// <summary>The ledger: events checked when recorded, folded into status and balance on a date as known at a date.</summary>
public sealed class LicenseBookTests
{
    private static LicenseStatus Status(LicenseBook book, string date, string? knownAt = null) =>
        book.StateOf(Id, Date(date), knownAt is null ? null : Date(knownAt))!.Status;

    [Fact]
    public void Status_follows_the_validity_and_revocations()
    {
        Status(NlBook(), "2023-09-09").ShouldBe(LicenseStatus.NotYetValid);
        Status(NlBook(), "2023-09-10").ShouldBe(LicenseStatus.Valid);
        Status(NlBook(), "2025-01-01").ShouldBe(LicenseStatus.Expired);
        Status(NlBook(RevokeLine1()), "2024-01-02").ShouldBe(LicenseStatus.PartiallyRevoked);
        Status(NlBook(RevokeLine1()), "2023-12-31").ShouldBe(LicenseStatus.Valid);
        Status(NlBook(new LicenseRevoked(Id, RevocationScope.Whole, Date("2024-01-01"), Date("2024-01-01"), null)), "2024-01-02").ShouldBe(LicenseStatus.Revoked);
        Status(NlBook(new LicenseRevoked(Id, RevocationScope.ForLines([1, 2]), Date("2024-01-01"), Date("2024-01-01"), null)), "2024-01-02").ShouldBe(LicenseStatus.Revoked);
    }

    [Fact]
    public void A_revocation_counts_only_as_known_from_its_announcement()
    {
        var book = NlBook(RevokeLine1(effective: "2024-01-01", announced: "2024-01-05"));
        Status(book, "2024-01-02", knownAt: "2024-01-04").ShouldBe(LicenseStatus.Valid);
        Status(book, "2024-01-02", knownAt: "2024-01-05").ShouldBe(LicenseStatus.PartiallyRevoked);
        book.StateOf(Id, Date("2023-12-15"), null)!.PendingRevocations.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_license_is_unknown_before_it_was_issued() =>
        NlBook().StateOf(Id, Date("2023-12-15"), Date("2023-09-07")).ShouldBeNull();

    [Fact]
    public void Issued_defaults_to_the_first_valid_day() =>
        Read(NlJson.Replace("\"issued\": \"2023-09-08\", ", "")).Issued.ShouldBe(Date("2023-09-10"));

    [Fact]
    public void Balance_is_issued_minus_consumed_minus_reserved_plus_released()
    {
        var book = NlBook(Consumed(1, "SO-1"), Reserved(2, "SO-2"), Released(1, "SO-2"));
        var line = book.StateOf(Id, Date("2023-12-15"), null)!.Lines[0];
        line.RemainingQuantity.ShouldBe(1m);
        line.RemainingValue.ShouldBe(new Money(65_000_000m, "EUR"));
        line.ReservedBy("SO-2").Quantity.ShouldBe(1m);
        line.HeldBy("SO-2").Quantity.ShouldBe(1m);
        line.HeldBy("SO-1").Quantity.ShouldBe(1m);
        line.Uses.Length.ShouldBe(3);
    }

    [Fact]
    public void Use_that_would_overdraw_is_refused() =>
        NlBook(Consumed(2, "SO-1")).Check(Consumed(2, "SO-2")).ShouldBe("NL-2023-0042 line 1: 2 would overdraw the line, only 1 of 3 left");

    [Fact]
    public void Use_in_another_currency_is_refused()
    {
        var use = new LicenseConsumed(Id, 1, 1, new Money(70_000_000m, "USD"), "SO-1", Date("2023-11-01"), Date("2023-11-01"));
        NlBook().Check(use).ShouldBe("NL-2023-0042 line 1: currency USD differs from the licence's EUR");
    }

    [Fact]
    public void Use_without_value_of_a_value_limited_line_is_refused() =>
        NlBook().Check(Consumed(1, "SO-1") with { Value = null }).ShouldBe("NL-2023-0042 line 1 limits value (195000000 EUR); a use must state its value");

    [Fact]
    public void Use_of_a_revoked_line_or_outside_the_validity_is_refused()
    {
        NlBook(RevokeLine1()).Check(Consumed(1, "SO-1", "2024-01-02"))!.ShouldStartWith("NL-2023-0042 line 1 cannot be used on 2024-01-02: revoked from 2024-01-01");
        NlBook().Check(Consumed(1, "SO-1", "2025-01-01")).ShouldBe("NL-2023-0042 line 1 cannot be used on 2025-01-01: expired");
    }

    [Fact]
    public void Release_beyond_the_reservation_is_refused() =>
        NlBook(Reserved(1, "SO-1")).Check(Released(2, "SO-1")).ShouldBe("NL-2023-0042 line 1: release of 2 for 'SO-1' exceeds its reservation (1, 65000000 EUR)");

    [Fact]
    public void Events_for_unknown_licences_or_lines_are_refused()
    {
        NlBook().Check(Consumed(1, "SO-1") with { LicenseId = "NL-2099-0001" }).ShouldBe("unknown licence 'NL-2099-0001'");
        NlBook().Check(Consumed(1, "SO-1", line: 3)).ShouldBe("NL-2023-0042 has no line 3 (lines 1..2)");
        NlBook().Check(new LicenseRevoked(Id, RevocationScope.ForLines([5]), Date("2024-01-01"), Date("2024-01-01"), null)).ShouldBe("NL-2023-0042 has no line 5 (lines 1..2)");
        NlBook().Check(new LicenseRevoked(Id, RevocationScope.ForParty("Someone Else"), Date("2024-01-01"), Date("2024-01-01"), null))!.ShouldStartWith("NL-2023-0042 names no party 'Someone Else'");
        NlBook().Check(new LicenseIssued(Nl))!.ShouldStartWith("licence NL-2023-0042 is already recorded");
    }

    [Fact]
    public void An_amendment_may_not_drop_lines_or_lower_a_limit_below_use()
    {
        var book = NlBook(Consumed(2, "SO-1"));
        book.Check(new LicenseAmended(Nl with { Lines = [Nl.Lines[0]] }, Date("2024-02-01"), Date("2024-02-01")))!.ShouldContain("fewer than the 2 in force");
        book.Check(new LicenseAmended(Nl with { Lines = [Nl.Lines[0] with { Quantity = 1 }, Nl.Lines[1]] }, Date("2024-02-01"), Date("2024-02-01")))
            .ShouldBe("amendment of NL-2023-0042 line 1: quantity 1 is below the 2 already used");
    }

    [Fact]
    public void From_refuses_an_inconsistent_event_stream() =>
        Should.Throw<ArgumentException>(() => LicenseBook.From([Consumed(1, "SO-1")])).Message.ShouldContain("unknown licence");

    [Fact]
    public void With_records_and_keeps_the_order_of_events()
    {
        var book = LicenseBook.Empty.With(new LicenseIssued(Nl)).With(Reserved(1, "SO-1"));
        book.Events.Length.ShouldBe(2);
        LicenseBook.Empty.Events.ShouldBeEmpty();
        book.History(Id)!.Later.ShouldHaveSingleItem().ShouldBeOfType<LicenseReserved>();
    }
}
