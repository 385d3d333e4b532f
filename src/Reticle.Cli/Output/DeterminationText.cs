using Reticle.Determination;
using Reticle.Model;
using Reticle.Screening;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.Cli.Output;

/// <summary>A determination as a compliance officer reads it: outcome per jurisdiction, the rules that decided it, why, and where the law says so.</summary>
internal static class DeterminationText
{
    public static void Write(TextWriter output, Determination.Determination d, long auditSequence)
    {
        output.WriteLine($"{d.Transaction}  on {EffectivePeriod.Format(d.AsOf)}{(d.KnownAt is { } k ? $" (as known on {EffectivePeriod.Format(k)})" : "")}: {Upper(d.Outcome)}");
        foreach (var j in d.Jurisdictions)
        {
            output.WriteLine();
            output.Write($"  {j.Jurisdiction}: {j.Outcome.ToWire()}");
            output.WriteLine(j.Classifications.IsEmpty ? "" : $"   (item: {string.Join(", ", j.Classifications)})");
            foreach (var f in j.Findings)
            {
                var mark = f.Status switch
                {
                    FindingStatus.Applies => "!",
                    FindingStatus.Undetermined => "?",
                    _ => "-",
                };
                var status = f.Status switch
                {
                    FindingStatus.Applies => f.Effect.ToWire(),
                    FindingStatus.Undetermined => $"may require: {f.Effect.ToWire()}",
                    _ => "does not apply",
                };
                output.WriteLine($"    {mark} {f.Title ?? f.Rule} [{f.Rule}]: {status}");
                output.WriteLine($"      because: {f.Because}");
                if (!f.Missing.IsDefaultOrEmpty)
                {
                    output.WriteLine($"      missing: {string.Join(", ", f.Missing)}");
                }
                output.WriteLine($"      citation: {f.Citation}");
                foreach (var option in f.Exceptions)
                {
                    output.WriteLine($"      may be overcome by {option.Id} ({option.Kind.ToWire()}{(option.Title is null ? "" : ": " + option.Title)}; {option.Citation}) — not concluded; confirm: {string.Join("; ", option.Confirm)}");
                }
                if (f.Confidence != Confidence.Verified)
                {
                    output.WriteLine($"      confidence: {f.Confidence.ToString().ToLowerInvariant()} (content not verified against the primary text)");
                }
            }
            foreach (var condition in j.Conditions)
            {
                output.WriteLine($"    condition — {condition.Label}: {condition.Truth.ToWire()}, because {condition.Because}");
            }
            if (j.License is { } license)
            {
                output.WriteLine($"    licensed under {license.LicenseId} line {license.Line}{Balance(license)}");
            }
            foreach (var considered in j.LicensesConsidered)
            {
                output.WriteLine($"    licence considered — {considered}");
            }
            foreach (var note in j.Notes)
            {
                output.WriteLine($"    note: {note}");
            }
        }
        output.WriteLine();
        foreach (var hit in d.Screening)
        {
            var entry = hit.Hit.Entry;
            var state = hit.Unresolved ? "unresolved, a reviewer must decide" : hit.Status == ScreeningStatus.Match ? "listed" : "not left open";
            output.WriteLine($"  screening: {hit.Role.ToWire()} '{hit.PartyName}' {hit.Status.ToWire()} " +
                $"'{entry.Name}' on {entry.List} (score {hit.Hit.Score:0.000}; {state})");
        }
        if (d.Missing.Contains(DeterminationEngine.NoParties))
        {
            output.WriteLine("  screening: nobody screened — the transaction names no party (missing fact: parties); review until the parties are given");
        }
        foreach (var owned in d.Ownership)
        {
            var f = owned.Finding;
            output.WriteLine($"  ownership: {owned.Role.ToWire()} '{owned.PartyName}' is {f.Because} ({f.Regime.Title})");
            foreach (var missing in f.Missing)
            {
                output.WriteLine($"    missing: {missing}");
            }
        }
        if (!d.OwnershipVersions.IsEmpty)
        {
            output.WriteLine($"  ownership facts: {string.Join(", ", d.OwnershipVersions.Keys)}");
        }
        output.WriteLine($"  lists: {(d.ListVersions.Count == 0 ? "none (parties not screened)" : string.Join(", ", d.ListVersions.Keys))}");
        output.WriteLine($"  rules: {string.Join("; ", d.RuleVersions.Select(v => $"{v.Key} {(v.Value.Length == 0 ? "(none in force)" : v.Value)}"))}");
        output.WriteLine($"  recorded as audit record {auditSequence}");
        output.WriteLine();
    }

    private static string Balance(Licensing.CoveringLicense license)
    {
        var left = new[]
        {
            license.RemainingQuantity is { } q ? $"quantity {q.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}" : null,
            license.RemainingValue is { } v ? $"{v.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} {v.Currency}" : null,
        }.OfType<string>().ToList();
        return left.Count == 0 ? "" : $" (left after this use: {string.Join(", ", left)})";
    }

    private static string Upper(Outcome outcome) => outcome.ToWire().ToUpperInvariant();
}
