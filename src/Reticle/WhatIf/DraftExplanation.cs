using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Impact;

namespace Reticle.WhatIf;

/// <summary>
/// Why an order's outcome changes once the drafts are in force (CONTRACT §9): the draft rules that now apply (or cannot be
/// decided) to it, and the rules in use that no longer apply because a draft supersedes their pack, per jurisdiction whose
/// outcome or covering licence changed.
/// </summary>
public sealed class DraftExplanation(IReadOnlyList<DraftPack> drafts)
{
    private readonly Dictionary<string, DraftPack> _byVersion = drafts.ToDictionary(d => d.Version, StringComparer.Ordinal);

    public ImmutableArray<string> Explain(Determination.Determination before, Determination.Determination after)
    {
        var because = ImmutableArray.CreateBuilder<string>();
        foreach (var jurisdiction in before.Jurisdictions.Select(j => j.Jurisdiction).Union(after.Jurisdictions.Select(j => j.Jurisdiction)))
        {
            var was = before.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction);
            var now = after.Jurisdictions.FirstOrDefault(j => j.Jurisdiction == jurisdiction);
            if (was?.Outcome == now?.Outcome && was?.License?.LicenseId == now?.License?.LicenseId)
            {
                continue;
            }
            var found = because.Count;
            var wasApplying = Applying(was).ToDictionary(f => f.Rule, StringComparer.Ordinal);
            var nowApplying = Applying(now).ToDictionary(f => f.Rule, StringComparer.Ordinal);
            foreach (var finding in nowApplying.Values.Where(f => !wasApplying.TryGetValue(f.Rule, out var old) || old.Status != f.Status || old.PackVersion != f.PackVersion))
            {
                because.Add(_byVersion.TryGetValue(finding.PackVersion, out var draft)
                    ? $"{jurisdiction}: draft rule {finding.Rule} ({draft.Id}) {Verdict(finding)}: {finding.Because}"
                    : $"{jurisdiction}: rule {finding.Rule} ({finding.PackVersion}) {Verdict(finding)} with the drafts in force: {finding.Because}");
            }
            foreach (var finding in wasApplying.Values.Where(f => !nowApplying.ContainsKey(f.Rule)))
            {
                var pack = PackId(finding.PackVersion);
                var successor = _byVersion.Values.FirstOrDefault(d => d.Supersedes.Contains(pack, StringComparer.Ordinal));
                var replaced = now?.Findings.FirstOrDefault(f => f.Rule == finding.Rule && _byVersion.ContainsKey(f.PackVersion));
                because.Add(successor is not null
                    ? $"{jurisdiction}: rule {finding.Rule} ({finding.PackVersion}) no longer applies: draft {successor.Id} supersedes {pack}{(replaced is null ? "" : $" ({replaced.Because})")}"
                    : $"{jurisdiction}: rule {finding.Rule} ({finding.PackVersion}) no longer applies with the drafts in force");
            }
            if (because.Count == found)
            {
                var (a, b) = (was is null ? "(none in force)" : string.Join(", ", was.RuleVersions), now is null ? "(none in force)" : string.Join(", ", now.RuleVersions));
                because.Add(a != b ? $"{jurisdiction} rules {a} → {b}" : $"{jurisdiction}: {Describe(was)} → {Describe(now)} with drafts {string.Join(", ", _byVersion.Values.Select(d => d.Id))} in force");
            }
        }
        return because.ToImmutable();
    }

    private static IEnumerable<Finding> Applying(JurisdictionDetermination? j) =>
        j is null ? [] : j.Findings.Where(f => f.Status != FindingStatus.DoesNotApply).GroupBy(f => f.Rule, StringComparer.Ordinal).Select(g => g.First());

    private static string Verdict(Finding f) => f.Status == FindingStatus.Applies
        ? $"applies ({f.Effect.ToWire()})"
        : $"cannot be decided ({f.Effect.ToWire()} unless {string.Join(", ", f.Missing)} is given)";

    private static string Describe(JurisdictionDetermination? j) => j is null ? "(no rules)"
        : j.License is { } l ? $"{j.Outcome.ToWire()} ({l.LicenseId})" : j.Outcome.ToWire();

    private static string PackId(string version) => version.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? version[..at] : version;
}
