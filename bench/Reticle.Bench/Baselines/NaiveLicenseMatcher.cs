using Reticle.Licensing;
using Reticle.Model;
using Reticle.Screening;

namespace Reticle.Bench.Baselines;

/// <summary>
/// The baseline licence matching is measured against: the obvious way. For every transaction it
/// re-folds every event of every licence into balances and revocations (one pass over the whole
/// event list), then scans all licences for a covering line. It gives only the covering licence and
/// line (no reasons), so the comparison flatters the baseline. It is written apart from the fold in
/// <see cref="LicenseHistory"/>, so that the two agreeing on every transaction checks both.
/// </summary>
internal sealed class NaiveLicenseMatcher(IReadOnlyList<LicenseEvent> events)
{
    private sealed class Folded(License terms)
    {
        public License Terms { get; set; } = terms;
        public NodaTime.LocalDate? AmendedFrom { get; set; }
        public bool Revoked { get; set; }
        public HashSet<int> RevokedLines { get; } = [];
        public List<string> RevokedParties { get; } = [];
        public Dictionary<int, (decimal Quantity, decimal Value)> Used { get; } = [];
        public Dictionary<(int, string), (decimal Quantity, decimal Value)> Own { get; } = [];
    }

    public (string LicenseId, int Line)? Find(string jurisdiction, Transaction t, NodaTime.LocalDate? knownAt)
    {
        var folded = new Dictionary<string, Folded>();
        foreach (var e in events)
        {
            if (knownAt is { } k && e.Announced > k)
            {
                continue;
            }
            if (e is LicenseIssued issued)
            {
                folded[e.LicenseId] = new Folded(issued.License);
                continue;
            }
            var f = folded[e.LicenseId];
            switch (e)
            {
                case LicenseAmended a when a.Effective <= t.Date && (f.AmendedFrom is null || a.Effective >= f.AmendedFrom):
                    f.Terms = a.Terms;
                    f.AmendedFrom = a.Effective;
                    break;
                case LicenseUse u:
                    var sign = u is LicenseReleased ? -1 : 1;
                    var used = f.Used.GetValueOrDefault(u.Line);
                    f.Used[u.Line] = (used.Quantity + sign * u.Quantity, used.Value + sign * (u.Value?.Amount ?? 0));
                    var own = f.Own.GetValueOrDefault((u.Line, u.Reference));
                    f.Own[(u.Line, u.Reference)] = (own.Quantity + sign * u.Quantity, own.Value + sign * (u.Value?.Amount ?? 0));
                    break;
                case LicenseRevoked r when r.Effective <= t.Date:
                    switch (r.Scope)
                    {
                        case RevocationScope.WholeLicense:
                            f.Revoked = true;
                            break;
                        case RevocationScope.Lines lines:
                            f.RevokedLines.UnionWith(lines.Numbers);
                            break;
                        case RevocationScope.Party party:
                            f.RevokedParties.Add(Reticle.Screening.Matching.NameNormalizer.Normalize(party.Name).Key);
                            break;
                    }
                    break;
            }
        }
        var ordered = folded.Values
            .OrderBy(f => f.Terms.Kind)
            .ThenBy(f => f.Terms.Validity.Until is null ? 1 : 0).ThenBy(f => f.Terms.Validity.Until)
            .ThenBy(f => f.Terms.Id, StringComparer.Ordinal);
        foreach (var f in ordered)
        {
            var terms = f.Terms;
            if (terms.Jurisdiction != jurisdiction || f.Revoked || f.RevokedLines.Count == terms.Lines.Length || !terms.Validity.Contains(t.Date)
                || !terms.Destinations.Contains(t.To)
                || !terms.Parties.All(p => t.Parties.Any(q => q.Role == p.Role && Reticle.Screening.Matching.NameNormalizer.Normalize(q.Name).Key == Reticle.Screening.Matching.NameNormalizer.Normalize(p.Name).Key))
                || t.Parties.Any(q => f.RevokedParties.Contains(Reticle.Screening.Matching.NameNormalizer.Normalize(q.Name).Key)))
            {
                continue;
            }
            foreach (var line in terms.Lines)
            {
                if (f.RevokedLines.Contains(line.Number) || !line.Item.Matches(t.Item, jurisdiction, null))
                {
                    continue;
                }
                var used = f.Used.GetValueOrDefault(line.Number);
                var own = f.Own.GetValueOrDefault((line.Number, t.Id));
                if (line.Quantity is { } q && t.Quantity > Math.Max(0, q - used.Quantity) + own.Quantity)
                {
                    continue;
                }
                if (line.Value is { } v && (t.Value is null || t.Value.Currency != v.Currency || t.Value.Amount > Math.Max(0, v.Amount - used.Value) + own.Value))
                {
                    continue;
                }
                return (terms.Id, line.Number);
            }
        }
        return null;
    }
}
