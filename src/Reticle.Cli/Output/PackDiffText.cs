using Reticle.Rules.Diff;

namespace Reticle.Cli.Output;

/// <summary>The readable form of <c>reticle packs diff</c>: one block per entry or rule added, removed or changed.</summary>
internal static class PackDiffText
{
    public static void Write(TextWriter w, RuleChanges diff)
    {
        w.WriteLine($"packs diff: {string.Join(", ", diff.Before.Select(Describe))} → {string.Join(", ", diff.After.Select(Describe))}");
        w.WriteLine($"  control entries: {Count(diff.Entries.Select(e => e.Kind))}; requirement rules: {Count(diff.Requirements.Select(r => r.Kind))}");
        foreach (var e in diff.Entries)
        {
            w.WriteLine();
            w.WriteLine($"  {Sign(e.Kind)} entry {e.Jurisdiction} {e.Id}{(e.Kind == ChangeKind.Changed ? $" ({string.Join(", ", e.Fields)} changed)" : "")}: {(e.After ?? e.Before)!.Title}");
            Side(w, "before", e.Before is { } b ? (b.QualifiedId, b.When, b.Thresholds, b.Effective) : null);
            Side(w, "after", e.After is { } a ? (a.QualifiedId, a.When, a.Thresholds, a.Effective) : null);
        }
        foreach (var r in diff.Requirements)
        {
            w.WriteLine();
            w.WriteLine($"  {Sign(r.Kind)} rule {r.Id} ({r.Jurisdiction}){(r.Kind == ChangeKind.Changed ? $" ({string.Join(", ", r.Fields)} changed)" : "")}: {(r.After ?? r.Before)!.Title}");
            Side(w, "before", r.Before is { } b ? ($"{b.Effect} for {string.Join(", ", b.Activities)} of {(b.Items.IsEmpty ? "any item" : string.Join(", ", b.Items))}", b.When ?? "(always)", b.Thresholds, b.Effective) : null);
            Side(w, "after", r.After is { } a ? ($"{a.Effect} for {string.Join(", ", a.Activities)} of {(a.Items.IsEmpty ? "any item" : string.Join(", ", a.Items))}", a.When ?? "(always)", a.Thresholds, a.Effective) : null);
        }
    }

    private static void Side(TextWriter w, string label, (string What, string When, System.Collections.Immutable.ImmutableArray<string> Thresholds, string Effective)? side)
    {
        if (side is not { } s)
        {
            return;
        }
        w.WriteLine($"    {label,-6} {s.What}, in force {s.Effective}");
        w.WriteLine($"           when: {s.When}");
        if (!s.Thresholds.IsEmpty)
        {
            w.WriteLine($"           thresholds: {string.Join("; ", s.Thresholds)}");
        }
    }

    private static string Describe(PackVersion p) => $"{p.Id} ({p.Jurisdiction}, in force {p.Effective})";

    private static string Sign(ChangeKind kind) => kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" };

    private static string Count(IEnumerable<ChangeKind> kinds)
    {
        var list = kinds.ToList();
        return $"{list.Count(k => k == ChangeKind.Added)} added, {list.Count(k => k == ChangeKind.Removed)} removed, {list.Count(k => k == ChangeKind.Changed)} changed";
    }
}
