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
    public static void WriteSummary(TextWriter w, ImpactReport report)
    {
        w.WriteLine($"  {report.Evaluated} open orders evaluated, {report.Material} changed materially, {report.Unchanged} unchanged");
        if (report.Immaterial > 0)
        {
            var listed = report.Changes.Length > report.Material ? "listed below" : "--all lists them";
            w.WriteLine($"  {report.Immaterial} moved only between not-applicable and permitted ({listed})");
        }
        w.WriteLine($"  value at stake: {Values(report.ValueAtStake)}{(report.WorseWithoutValue > 0 ? $" (and {report.WorseWithoutValue} order(s) stating no value)" : "")}");
    }

    public static void WriteChanges(TextWriter w, ImpactReport report)
    {
        foreach (var change in report.Changes)
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
    }

    private static string Describe(JurisdictionDetermination? j) => j is null ? "(no rules)"
        : j.License is { } l ? $"{j.Outcome.ToWire()} ({l.LicenseId} line {l.Line})" : j.Outcome.ToWire();

    public static string Values(ImmutableArray<Money> values) => values.IsEmpty ? "none" : string.Join(", ", values.Select(Value));

    public static string Value(Money money) => $"{money.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {money.Currency}";
}
