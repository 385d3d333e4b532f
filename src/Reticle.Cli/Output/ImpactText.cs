using System.Collections.Immutable;
using System.Globalization;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Cli.Output;

/// <summary>The readable form of an impact report's changes and value at stake, as <c>impact</c> and <c>whatif</c> print them.</summary>
internal static class ImpactText
{
    /// <param name="immaterialListed">Where the orders that moved only between not-applicable and permitted are listed; null when they are not.</param>
    public static void WriteSummary(TextWriter w, ImpactSummary summary, string? immaterialListed)
    {
        w.WriteLine($"  {summary.Evaluated} open orders evaluated, {summary.Material} changed materially, {summary.Unchanged} unchanged");
        if (summary.Immaterial > 0)
        {
            w.WriteLine($"  {summary.Immaterial} moved only between not-applicable and permitted ({immaterialListed ?? "--all lists them"})");
        }
        w.WriteLine($"  value at stake: {Values(summary.ValueAtStake)}{(summary.WorseWithoutValue > 0 ? $" (and {summary.WorseWithoutValue} order(s) stating no value)" : "")}");
    }

    /// <summary>Each change as it is found; true when one of them was not material (the summary after them says it is listed).</summary>
    public static async Task<bool> WriteChangesAsync(TextWriter w, IAsyncEnumerable<ImpactChange> changes, CancellationToken cancellationToken)
    {
        var immaterialListed = false;
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            WriteChange(w, change);
            immaterialListed |= !change.Material;
        }
        return immaterialListed;
    }

    public static void WriteChange(TextWriter w, ImpactChange change)
    {
        w.WriteLine();
        var value = change.Value is { } v ? $" [{Value(v)}]" : "";
        var kind = change.Material ? change.Worse ? " (worse)" : "" : " (not material)";
        w.WriteLine($"  {change.After.Transaction} on {EffectivePeriod.Format(change.After.AsOf)}{value}: {change.Before.Outcome.ToWire()} → {change.After.Outcome.ToWire()}{kind}");
        foreach (var j in change.Before.Jurisdictions.Select(x => x.Jurisdiction).Union(change.After.Jurisdictions.Select(x => x.Jurisdiction)))
        {
            var was = change.Before.Jurisdictions.FirstOrDefault(x => x.Jurisdiction == j);
            var now = change.After.Jurisdictions.FirstOrDefault(x => x.Jurisdiction == j);
            if (was?.Outcome != now?.Outcome || was?.License?.LicenseId != now?.License?.LicenseId)
            {
                w.WriteLine($"    {j}: {Describe(was)} → {Describe(now)}");
            }
        }
        foreach (var reason in change.Because)
        {
            w.WriteLine($"    because: {reason}");
        }
    }

    private static string Describe(JurisdictionDetermination? j) => j is null ? "(no rules)"
        : j.License is { } l ? $"{j.Outcome.ToWire()} ({l.LicenseId} line {l.Line})" : j.Outcome.ToWire();

    public static string Values(ImmutableArray<Money> values) => values.IsEmpty ? "none" : string.Join(", ", values.Select(Value));

    public static string Value(Money money) => $"{money.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {money.Currency}";
}
