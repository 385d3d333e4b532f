using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Reticle.Licensing;
using Reticle.Model;
using static Reticle.Tests.Licensing.Licenses;

namespace Reticle.Tests.Licensing;

/// <summary>The balance invariant over random event sequences, each event accepted only if the book's check allows it.</summary>
public sealed class LicenseBalancePropertyTests
{
    private sealed record Sums(decimal Reserved, decimal Consumed, decimal Released, decimal Value);

    private static (LicenseBook Book, List<LicenseUse> Accepted) Random(int seed)
    {
        var random = new Random(seed);
        var book = NlBook();
        var accepted = new List<LicenseUse>();
        var start = new LocalDate(2023, 9, 10);
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            var line = random.Next(1, 3);
            var reference = $"SO-{random.Next(5)}";
            var quantity = random.Next(1, 4);
            var value = new Money(quantity * 65_000_000m, "EUR");
            var day = start.PlusDays(random.Next(0, 470));
            var announced = day.PlusDays(random.Next(0, 30));
            LicenseUse use = random.Next(3) switch
            {
                0 => new LicenseReserved(Id, line, quantity, value, reference, day, announced),
                1 => new LicenseConsumed(Id, line, quantity, value, reference, day, announced),
                _ => new LicenseReleased(Id, line, quantity, value, reference, day, announced),
            };
            if (book.Check(use) is null)
            {
                book = book.With(use);
                accepted.Add(use);
            }
        }
        return (book, accepted);
    }

    [Property(MaxTest = 300)]
    public void Balance_is_never_negative_and_equals_issued_minus_consumed_minus_reserved_plus_released(PositiveInt seed, PositiveInt known)
    {
        var (book, accepted) = Random(seed.Get);
        LocalDate? knownAt = known.Get % 5 == 0 ? null : new LocalDate(2023, 9, 10).PlusDays(known.Get % 520);
        var state = book.StateOf(Id, new LocalDate(2024, 6, 1), knownAt)!;
        foreach (var line in state.Lines)
        {
            var uses = accepted.Where(u => u.Line == line.Line.Number && u.KnownAt(knownAt)).ToList();
            decimal Sum<T>() where T : LicenseUse => uses.OfType<T>().Sum(u => u.Quantity);
            decimal SumValue<T>() where T : LicenseUse => uses.OfType<T>().Sum(u => u.Value!.Amount);
            line.RemainingQuantity!.Value.ShouldBeGreaterThanOrEqualTo(0m);
            line.RemainingValue!.Amount.ShouldBeGreaterThanOrEqualTo(0m);
            if (knownAt is null)
            {
                // With everything known, the accepted events are exactly those the checks ran against: no clamping can hide anything.
                line.RemainingQuantity.ShouldBe(line.Line.Quantity!.Value - Sum<LicenseConsumed>() - Sum<LicenseReserved>() + Sum<LicenseReleased>());
                line.RemainingValue.Amount.ShouldBe(line.Line.Value!.Amount - SumValue<LicenseConsumed>() - SumValue<LicenseReserved>() + SumValue<LicenseReleased>());
            }
            line.Consumed.Quantity.ShouldBe(Sum<LicenseConsumed>());
            line.Reserved.Quantity.ShouldBe(Sum<LicenseReserved>());
            line.Released.Quantity.ShouldBe(Sum<LicenseReleased>());
        }
    }

    [Property(MaxTest = 100)]
    public void A_book_rebuilt_from_its_events_has_the_same_states(PositiveInt seed)
    {
        var (book, _) = Random(seed.Get);
        var rebuilt = LicenseBook.From(book.Events);
        var date = new LocalDate(2024, 3, 1);
        rebuilt.StateOf(Id, date, null)!.Lines.Select(l => (l.RemainingQuantity, l.RemainingValue))
            .ShouldBe(book.StateOf(Id, date, null)!.Lines.Select(l => (l.RemainingQuantity, l.RemainingValue)));
    }
}
