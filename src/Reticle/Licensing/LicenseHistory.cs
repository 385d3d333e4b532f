using System.Collections.Immutable;
using NodaTime;
using Reticle.Time;

namespace Reticle.Licensing;

/// <summary>
/// The events of one licence, in the order they were recorded, folded into its state on a date as
/// known at a date. Immutable: recording an event gives a new history.
/// </summary>
public sealed class LicenseHistory
{
    // The events split by kind once, so that a state on a date visits only what depends on the date;
    // and the use of each line with everything known (the common case) summed once and kept.
    private readonly LicenseAmended[] _amendments;
    private readonly LicenseRevoked[] _revocations;
    private readonly LicenseUse[] _uses;
    private LineUsage[]? _allKnownUsage;

    private LicenseHistory(LicenseIssued issued, ImmutableArray<LicenseEvent> later)
    {
        Issued = issued;
        Later = later;
        _amendments = [.. later.OfType<LicenseAmended>()];
        _revocations = [.. later.OfType<LicenseRevoked>()];
        _uses = [.. later.OfType<LicenseUse>()];
    }

    public string Id => Issued.LicenseId;

    public LicenseIssued Issued { get; }

    /// <summary>The events after the issue, in the order they were recorded.</summary>
    public ImmutableArray<LicenseEvent> Later { get; }

    internal static LicenseHistory Start(LicenseIssued issued) => new(issued, []);

    internal LicenseHistory Append(LicenseEvent e) => new(Issued, Later.Add(e));

    /// <summary>Every version of the terms recorded, for indexing (coverage is then decided on the terms in force).</summary>
    internal IEnumerable<License> AllTerms() => _amendments.Select(a => a.Terms).Prepend(Issued.License);

    /// <summary>
    /// The licence on <paramref name="date"/> as known at <paramref name="knownAt"/> (<c>null</c>:
    /// everything recorded); <c>null</c> if its issue was not yet known then.
    /// </summary>
    public LicenseState? StateOn(LocalDate date, LocalDate? knownAt)
    {
        if (!Issued.KnownAt(knownAt))
        {
            return null;
        }
        var terms = TermsOn(date, knownAt);
        var revokedLines = new LicenseRevoked?[terms.Lines.Length];
        LicenseRevoked? whole = null;
        ImmutableArray<LicenseRevoked>.Builder? parties = null;
        ImmutableArray<LicenseRevoked>.Builder? pending = null;
        foreach (var r in _revocations)
        {
            if (!r.KnownAt(knownAt))
            {
                continue;
            }
            switch (r)
            {
                case { Effective: var effective } when effective > date:
                    (pending ??= ImmutableArray.CreateBuilder<LicenseRevoked>()).Add(r);
                    break;
                case { Scope: RevocationScope.WholeLicense }:
                    whole = Earlier(whole, r);
                    break;
                case { Scope: RevocationScope.Lines scope }:
                    foreach (var n in scope.Numbers)
                    {
                        if (n >= 1 && n <= revokedLines.Length)
                        {
                            revokedLines[n - 1] = Earlier(revokedLines[n - 1], r);
                        }
                    }
                    break;
                case { Scope: RevocationScope.Party }:
                    (parties ??= ImmutableArray.CreateBuilder<LicenseRevoked>()).Add(r);
                    break;
            }
        }
        var usage = knownAt is null ? _allKnownUsage ??= Usage(null) : Usage(knownAt);
        var lines = ImmutableArray.CreateBuilder<LicenseLineState>(terms.Lines.Length);
        for (var i = 0; i < terms.Lines.Length; i++)
        {
            var used = i < usage.Length ? usage[i] : LineUsage.None;
            lines.Add(new LicenseLineState
            {
                Line = terms.Lines[i],
                Reserved = used.Reserved,
                Consumed = used.Consumed,
                Released = used.Released,
                Uses = used.Uses,
                Revocation = whole ?? revokedLines[i],
            });
        }
        var states = lines.MoveToImmutable();
        return new LicenseState
        {
            Terms = terms,
            Date = date,
            KnownAt = knownAt,
            Lines = states,
            Status = Status(terms, date, whole, states, parties is not null),
            Revocation = whole,
            PartyRevocations = parties?.ToImmutable() ?? [],
            PendingRevocations = pending?.ToImmutable() ?? [],
        };
    }

    /// <summary>
    /// The use of each line number known at a date, whatever the uses' effective dates: a licence's
    /// quantity is a limit over its life (see <see cref="LicenseUse"/>).
    /// </summary>
    private LineUsage[] Usage(LocalDate? knownAt)
    {
        var count = 0;
        foreach (var use in _uses)
        {
            count = Math.Max(count, use.Line);
        }
        var sums = new (LicenseUsage Reserved, LicenseUsage Consumed, LicenseUsage Released, ImmutableArray<LicenseUse>.Builder? Uses)[count];
        foreach (var use in _uses)
        {
            if (!use.KnownAt(knownAt))
            {
                continue;
            }
            ref var sum = ref sums[use.Line - 1];
            var usage = LicenseUsage.Of(use);
            switch (use)
            {
                case LicenseReserved:
                    sum.Reserved += usage;
                    break;
                case LicenseConsumed:
                    sum.Consumed += usage;
                    break;
                case LicenseReleased:
                    sum.Released += usage;
                    break;
            }
            (sum.Uses ??= ImmutableArray.CreateBuilder<LicenseUse>()).Add(use);
        }
        return [.. sums.Select(s => new LineUsage(s.Reserved, s.Consumed, s.Released, s.Uses?.ToImmutable() ?? []))];
    }

    private sealed record LineUsage(LicenseUsage Reserved, LicenseUsage Consumed, LicenseUsage Released, ImmutableArray<LicenseUse> Uses)
    {
        public static LineUsage None { get; } = new(default, default, default, []);
    }

    /// <summary>The terms in force on the date: the amendment with the latest effective date on or before it (the later recorded on a tie).</summary>
    internal License TermsOn(LocalDate date, LocalDate? knownAt)
    {
        var terms = Issued.License;
        LocalDate? from = null;
        foreach (var a in _amendments)
        {
            if (a.KnownAt(knownAt) && a.Effective <= date && (from is null || a.Effective >= from))
            {
                terms = a.Terms;
                from = a.Effective;
            }
        }
        return terms;
    }

    private static LicenseStatus Status(License terms, LocalDate date, LicenseRevoked? whole, ImmutableArray<LicenseLineState> lines, bool partyRevoked)
    {
        // A revocation is named before expiry: "revoked" says more than "expired" about why it no longer covers.
        if (whole is not null || lines.All(l => l.Revocation is not null))
        {
            return LicenseStatus.Revoked;
        }
        if (date < terms.Validity.From)
        {
            return LicenseStatus.NotYetValid;
        }
        if (!terms.Validity.Contains(date))
        {
            return LicenseStatus.Expired;
        }
        return partyRevoked || lines.Any(l => l.Revocation is not null) ? LicenseStatus.PartiallyRevoked : LicenseStatus.Valid;
    }

    private static LicenseRevoked Earlier(LicenseRevoked? current, LicenseRevoked candidate) =>
        current is null || candidate.Effective < current.Effective ? candidate : current;

    /// <summary>
    /// Why <paramref name="e"/> cannot be recorded after the events already here, or <c>null</c> if
    /// it can. Judged on everything recorded, on the event's own effective date.
    /// </summary>
    internal string? Check(LicenseEvent e)
    {
        switch (e)
        {
            case LicenseIssued:
                return $"licence {Id} is already recorded (issued {EffectivePeriod.Format(Issued.Effective)})";
            case LicenseAmended a:
                return CheckAmendment(a);
            case LicenseReleased r:
                return CheckRelease(r);
            case LicenseUse u:
                return CheckUse(u);
            case LicenseRevoked r:
                return CheckRevocation(r);
            default:
                return $"unknown licence event {e.GetType().Name}";
        }
    }

    private string? CheckAmendment(LicenseAmended a)
    {
        var current = TermsOn(a.Effective, null);
        if (a.Terms.Kind != current.Kind || a.Terms.Jurisdiction != current.Jurisdiction)
        {
            return $"an amendment of {Id} may not change its kind or jurisdiction";
        }
        if (a.Effective < Issued.Effective)
        {
            return $"amendment of {Id} effective {EffectivePeriod.Format(a.Effective)}, before the licence was issued ({EffectivePeriod.Format(Issued.Effective)})";
        }
        if (a.Terms.Lines.Length < current.Lines.Length)
        {
            return $"an amendment of {Id} has {a.Terms.Lines.Length} lines, fewer than the {current.Lines.Length} in force; lines keep their numbers, revoke a line instead";
        }
        var state = StateOn(a.Effective, null)!;
        foreach (var line in state.Lines)
        {
            var limit = a.Terms.Line(line.Line.Number)!;
            if (limit.Quantity is { } q && q < line.Used.Quantity)
            {
                return $"amendment of {Id} line {line.Line.Number}: quantity {q} is below the {line.Used.Quantity} already used";
            }
            if (line.Line.Value is { } before && limit.Value is { } after && after.Currency != before.Currency)
            {
                return $"amendment of {Id} line {line.Line.Number}: currency {after.Currency} differs from {before.Currency}; uses are recorded in {before.Currency}";
            }
            if (limit.Value is { } v && v.Amount < line.Used.Value)
            {
                return $"amendment of {Id} line {line.Line.Number}: value {v.Amount} {v.Currency} is below the {line.Used.Value} already used";
            }
        }
        return null;
    }

    private string? CheckUse(LicenseUse u)
    {
        if (BasicUseCheck(u) is { } basic)
        {
            return basic;
        }
        var state = StateOn(u.Effective, null)!;
        var line = state.Lines[u.Line - 1];
        var where = $"{Id} line {u.Line}";
        if (state.Status is LicenseStatus.Revoked or LicenseStatus.Expired or LicenseStatus.NotYetValid || line.Revocation is not null)
        {
            var why = line.Revocation?.Describe() ?? state.Status.ToWire();
            return $"{where} cannot be used on {EffectivePeriod.Format(u.Effective)}: {why}";
        }
        if (line.RemainingQuantity is { } left && u.Quantity > left)
        {
            return $"{where}: {u.Quantity} would overdraw the line, only {left} of {line.Line.Quantity} left";
        }
        if (line.RemainingValue is { } leftValue && u.Value!.Amount > leftValue.Amount)
        {
            return $"{where}: {u.Value.Amount} {u.Value.Currency} would overdraw the line, only {leftValue.Amount} of {line.Line.Value!.Amount} {leftValue.Currency} left";
        }
        return null;
    }

    private string? CheckRelease(LicenseReleased r)
    {
        if (BasicUseCheck(r) is { } basic)
        {
            return basic;
        }
        var line = StateOn(r.Effective, null)!.Lines[r.Line - 1];
        var held = line.ReservedBy(r.Reference);
        if (r.Quantity > held.Quantity || (r.Value?.Amount ?? 0m) > held.Value)
        {
            return $"{Id} line {r.Line}: release of {r.Quantity} for '{r.Reference}' exceeds its reservation ({held.Quantity}{(line.Line.Value is { } v ? $", {held.Value} {v.Currency}" : "")})";
        }
        return null;
    }

    private string? BasicUseCheck(LicenseUse u)
    {
        var terms = TermsOn(u.Effective, null);
        if (terms.Line(u.Line) is not { } line)
        {
            return $"{Id} has no line {u.Line} (lines 1..{terms.Lines.Length})";
        }
        if (u.Quantity <= 0)
        {
            return $"{Id} line {u.Line}: quantity must be greater than zero, not {u.Quantity}";
        }
        if (string.IsNullOrWhiteSpace(u.Reference))
        {
            return $"{Id} line {u.Line}: a use names the order or shipment it is for";
        }
        if (u.Value is { } value)
        {
            if (value.Amount < 0)
            {
                return $"{Id} line {u.Line}: value must not be negative, not {value.Amount}";
            }
            // Amounts in different currencies are never added: converting at some rate is not Reticle's call.
            if (line.Value is { } limit && value.Currency != limit.Currency)
            {
                return $"{Id} line {u.Line}: currency {value.Currency} differs from the licence's {limit.Currency}";
            }
        }
        else if (line.Value is { } limit && u is not LicenseReleased)
        {
            return $"{Id} line {u.Line} limits value ({limit.Amount} {limit.Currency}); a use must state its value";
        }
        return null;
    }

    private string? CheckRevocation(LicenseRevoked r)
    {
        var terms = TermsOn(r.Effective, null);
        switch (r.Scope)
        {
            case RevocationScope.Lines { Numbers: var numbers }:
                if (numbers.IsDefaultOrEmpty)
                {
                    return $"a revocation of lines of {Id} names at least one line";
                }
                foreach (var n in numbers)
                {
                    if (terms.Line(n) is null)
                    {
                        return $"{Id} has no line {n} (lines 1..{terms.Lines.Length})";
                    }
                }
                break;
            case RevocationScope.Party { Name: var name }:
                if (string.IsNullOrWhiteSpace(name))
                {
                    return $"a revocation for a party of {Id} names the party";
                }
                if (!terms.Parties.IsEmpty && !terms.Parties.Any(p => PartyNames.Same(p.Name, name)))
                {
                    return $"{Id} names no party '{name}' (parties: {string.Join("; ", terms.Parties.Select(p => p.Name))})";
                }
                break;
        }
        return null;
    }
}
