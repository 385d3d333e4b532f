using System.Collections.Immutable;
using System.Globalization;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>
/// Whether a licence covers a transaction (CONTRACT §5). Pure: the licence states are given, on the
/// transaction's date and as known at the determination's knowledge date.
/// </summary>
/// <remarks>
/// A line covers when, on the date, the licence is valid and not revoked for that line or for any
/// party to the transaction; the destination is one of the licence's; every party the licence names
/// matches the transaction's party in that role; every item criterion of the line matches; and
/// enough quantity and value (in the licence's currency) is left for the whole transaction. Partial
/// cover is not cover. A transaction's own reservation or consumption (uses whose reference is its
/// id) counts as available to it, so deciding it again after recording its use gives the same answer.
/// Where several lines cover, individual licences are preferred to general authorisations, then the
/// licence that ends first, then licence id and line number: a deterministic choice, not advice.
/// </remarks>
public static class LicenseCoverage
{
    /// <param name="classifications">The control entries the rules found for the item in this jurisdiction ("NL-SME-2023 3B001.f.4"), matched against lines that name a classification.</param>
    public static LicenseCoverageResult Find(IEnumerable<LicenseState> states, string jurisdiction, Transaction transaction,
        IReadOnlyCollection<string>? classifications = null)
    {
        var considered = new List<LicenseConsidered>();
        var cover = Cover(states, jurisdiction, transaction, classifications, considered);
        return new LicenseCoverageResult(cover, [.. considered]);
    }

    /// <summary>The same, over the licences of a book on the transaction's date as known at <paramref name="knownAt"/>.</summary>
    public static LicenseCoverageResult Find(LicenseBook book, string jurisdiction, Transaction transaction, NodaTime.LocalDate? knownAt,
        IReadOnlyCollection<string>? classifications = null) =>
        Find(book.Candidates(jurisdiction, transaction, transaction.Date, knownAt, classifications), jurisdiction, transaction, classifications);

    /// <summary>The covering line, explaining the others into <paramref name="why"/> unless it is <c>null</c> (outcomes only).</summary>
    internal static CoveringLicense? Cover(IEnumerable<LicenseState> states, string jurisdiction, Transaction transaction,
        IReadOnlyCollection<string>? classifications, List<LicenseConsidered>? why)
    {
        foreach (var state in states.Where(s => s.Terms.Jurisdiction == jurisdiction).OrderBy(s => s, Preference.Instance))
        {
            if (Cover(state, transaction, classifications, why) is { } cover)
            {
                return cover;
            }
        }
        return null;
    }

    // Reasons are written as why?.Add(...): with no list (outcomes only) the text is never built.
    private static CoveringLicense? Cover(LicenseState state, Transaction t, IReadOnlyCollection<string>? classifications, List<LicenseConsidered>? why)
    {
        var terms = state.Terms;
        var id = terms.Id;
        if (!AnyLineFor(state, t.Item, classifications))
        {
            why?.Add(new(id, null, $"no line is for item {Describe(t.Item)} ({string.Join("; ", terms.Lines.Select(l => $"line {l.Number}: {l.Item}"))})"));
            return null;
        }
        if (state.Revocation is { } revoked)
        {
            why?.Add(new(id, null, revoked.Describe()));
            return null;
        }
        switch (state.Status)
        {
            case LicenseStatus.NotYetValid:
                why?.Add(new(id, null, $"not yet valid: valid from {EffectivePeriod.Format(terms.Validity.From)}"));
                return null;
            case LicenseStatus.Expired:
                why?.Add(new(id, null, $"expired: valid until {EffectivePeriod.Format(terms.ValidUntil!.Value)}"));
                return null;
        }
        if (!terms.Destinations.Contains(t.To))
        {
            why?.Add(new(id, null, $"destination {t.To} not covered (licence covers {string.Join(", ", terms.Destinations)})"));
            return null;
        }
        foreach (var named in terms.Parties)
        {
            if (!HasParty(t, named))
            {
                why?.Add(new(id, null, $"{named.Role.ToWire()} '{named.Name}' named by the licence; the transaction's {named.Role.ToWire()} is {Parties(t, named.Role)}"));
                return null;
            }
        }
        foreach (var revocation in state.PartyRevocations)
        {
            var name = ((RevocationScope.Party)revocation.Scope).Name;
            foreach (var party in t.Parties)
            {
                if (PartyNames.Same(party.Name, name))
                {
                    why?.Add(new(id, null, $"for {party.Role.ToWire()} '{party.Name}' {revocation.Describe()}"));
                    return null;
                }
            }
        }
        foreach (var line in state.Lines)
        {
            if (line.Line.Item.Matches(t.Item, terms.Jurisdiction, classifications) && CoverLine(state, line, t, why) is { } cover)
            {
                return cover;
            }
        }
        return null;
    }

    private static bool AnyLineFor(LicenseState state, Item item, IReadOnlyCollection<string>? classifications)
    {
        foreach (var line in state.Lines)
        {
            if (line.Line.Item.Matches(item, state.Terms.Jurisdiction, classifications))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasParty(Transaction t, LicenseParty named)
    {
        foreach (var party in t.Parties)
        {
            if (party.Role == named.Role && PartyNames.Same(party.Name, named.Name))
            {
                return true;
            }
        }
        return false;
    }

    private static string Parties(Transaction t, PartyRole role)
    {
        var names = t.Parties.Where(p => p.Role == role).Select(p => $"'{p.Name}'").ToList();
        return names.Count == 0 ? "not stated" : string.Join(", ", names);
    }

    private static CoveringLicense? CoverLine(LicenseState state, LicenseLineState line, Transaction t, List<LicenseConsidered>? why)
    {
        var number = line.Line.Number;
        if (line.Revocation is { } revoked)
        {
            why?.Add(new(state.Id, number, revoked.Describe()));
            return null;
        }
        // What this transaction itself holds of the line (its reservation, or its recorded shipment) is there for it.
        var own = line.HeldBy(t.Id);
        decimal? quantityLeft = null;
        if (line.RemainingQuantity is { } remaining)
        {
            var available = remaining + own.Quantity;
            if (t.Quantity > available)
            {
                why?.Add(new(state.Id, number, $"{Amount(t.Quantity)} needed, only {Amount(available)} of {Amount(line.Line.Quantity!.Value)} left"));
                return null;
            }
            quantityLeft = available - t.Quantity;
        }
        Money? valueLeft = null;
        if (line.RemainingValue is { } remainingValue)
        {
            if (t.Value is not { } value)
            {
                why?.Add(new(state.Id, number, $"the line is limited to {Amount(line.Line.Value!.Amount)} {remainingValue.Currency} and the transaction states no value"));
                return null;
            }
            if (value.Currency != remainingValue.Currency)
            {
                // Never converted: the licence is granted in its currency, and choosing a rate is not Reticle's call.
                why?.Add(new(state.Id, number, $"currency {value.Currency} differs from licence {remainingValue.Currency}"));
                return null;
            }
            var available = remainingValue.Amount + own.Value;
            if (value.Amount > available)
            {
                why?.Add(new(state.Id, number, $"value {Amount(value.Amount)} {value.Currency} needed, only {Amount(available)} of {Amount(line.Line.Value!.Amount)} {value.Currency} left"));
                return null;
            }
            valueLeft = remainingValue with { Amount = available - value.Amount };
        }
        return new CoveringLicense(state.Id, state.Terms.Kind, number, quantityLeft, valueLeft);
    }

    private static string Describe(Item item) =>
        item.Sku ?? (item.Description is { } d ? $"'{d}'" : "without SKU or description");

    private static string Amount(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Individual licences before general authorisations, then the one that ends first, then by id.</summary>
    private sealed class Preference : IComparer<LicenseState>
    {
        public static Preference Instance { get; } = new();

        public int Compare(LicenseState? x, LicenseState? y)
        {
            var kind = x!.Terms.Kind.CompareTo(y!.Terms.Kind);
            if (kind != 0)
            {
                return kind;
            }
            var ends = (x.Terms.Validity.Until, y.Terms.Validity.Until) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } a, { } b) => a.CompareTo(b),
            };
            return ends != 0 ? ends : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
