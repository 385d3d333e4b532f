using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.Rules.Diff;

/// <summary>
/// What changed between two versions of rules (two packs, or two folders of packs): control entries and requirement rules
/// added, removed or changed, with their conditions, thresholds and dates before and after. Entries are matched by
/// jurisdiction and id (a new version of an instrument keeps its paragraph ids under a new control list, as
/// NL-SME-2023 3B001.f.4 → NL-SME-2024 3B001.f.4), requirement rules by id. Pure: the packs are given, parsed.
/// </summary>
public static partial class PackDiff
{
    public static RuleChanges Compare(IReadOnlyList<RulePack> before, IReadOnlyList<RulePack> after)
    {
        var entriesBefore = Entries(before);
        var entriesAfter = Entries(after);
        var entries = ImmutableArray.CreateBuilder<EntryChange>();
        foreach (var key in entriesBefore.Keys.Union(entriesAfter.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (entriesBefore.GetValueOrDefault(key), entriesAfter.GetValueOrDefault(key));
            var changed = Differences(a, b);
            if (a is null || b is null || changed.Length > 0)
            {
                entries.Add(new EntryChange(Kind(a, b), (a ?? b)!.Jurisdiction, (a ?? b)!.Id, a, b, changed));
            }
        }
        var rulesBefore = Requirements(before);
        var rulesAfter = Requirements(after);
        var requirements = ImmutableArray.CreateBuilder<RequirementChange>();
        foreach (var key in rulesBefore.Keys.Union(rulesAfter.Keys).Order(StringComparer.Ordinal))
        {
            var (a, b) = (rulesBefore.GetValueOrDefault(key), rulesAfter.GetValueOrDefault(key));
            var changed = Differences(a, b);
            if (a is null || b is null || changed.Length > 0)
            {
                requirements.Add(new RequirementChange(Kind(a, b), (a ?? b)!.Jurisdiction, (a ?? b)!.Id, a, b, changed));
            }
        }
        return new RuleChanges([.. before.Select(PackVersion.Of)], [.. after.Select(PackVersion.Of)], entries.ToImmutable(), requirements.ToImmutable());
    }

    private static ChangeKind Kind(object? a, object? b) => a is null ? ChangeKind.Added : b is null ? ChangeKind.Removed : ChangeKind.Changed;

    private static Dictionary<string, EntryVersion> Entries(IReadOnlyList<RulePack> packs)
    {
        var entries = new Dictionary<string, EntryVersion>(StringComparer.Ordinal);
        // A later version (by start date) of the same entry stands for the side: a folder may hold the whole history.
        foreach (var pack in packs.OrderBy(p => p.Effective.From))
        {
            foreach (var c in pack.Controls)
            {
                var condition = Normalise(c.Condition.Text);
                entries[$"{pack.Jurisdiction} {c.Id}"] = new EntryVersion(pack.Jurisdiction, c.Id, pack.Id, $"{pack.ControlList} {c.Id}", c.Title, condition,
                    Thresholds(condition), c.Citation, Period(c.Effective ?? pack.Effective));
            }
        }
        return entries;
    }

    private static Dictionary<string, RequirementVersion> Requirements(IReadOnlyList<RulePack> packs)
    {
        var rules = new Dictionary<string, RequirementVersion>(StringComparer.Ordinal);
        foreach (var pack in packs.OrderBy(p => p.Effective.From))
        {
            foreach (var r in pack.Requirements)
            {
                var condition = r.Condition is { } when ? Normalise(when.Text) : null;
                rules[r.Id] = new RequirementVersion(pack.Jurisdiction, r.Id, pack.Id, r.Title, [.. r.Activities.Select(a => Model.ActivityNames.ToWire(a))],
                    [.. r.Items.Select(i => i.Reference)], condition, condition is null ? [] : Thresholds(condition), Determination.EffectNames.ToWire(r.Effect), r.Citation,
                    Period(r.Effective ?? pack.Effective));
            }
        }
        return rules;
    }

    private static ImmutableArray<string> Differences(EntryVersion? a, EntryVersion? b) => a is null || b is null ? [] :
    [
        .. Field("title", a.Title, b.Title), .. Field("when", a.When, b.When), .. Field("citation", a.Citation, b.Citation), .. Field("effective", a.Effective, b.Effective),
    ];

    private static ImmutableArray<string> Differences(RequirementVersion? a, RequirementVersion? b) => a is null || b is null ? [] :
    [
        .. Field("title", a.Title, b.Title), .. Field("activities", string.Join(",", a.Activities), string.Join(",", b.Activities)),
        .. Field("items", string.Join(",", a.Items), string.Join(",", b.Items)), .. Field("when", a.When, b.When), .. Field("effect", a.Effect, b.Effect),
        .. Field("citation", a.Citation, b.Citation), .. Field("effective", a.Effective, b.Effective),
    ];

    private static IEnumerable<string> Field(string name, string? a, string? b) => a == b ? [] : [name];

    private static string Period(EffectivePeriod p) => $"[{EffectivePeriod.Format(p.From)}, {(p.Until is { } u ? EffectivePeriod.Format(u) : "open")})";

    private static string Normalise(string text) => Whitespace().Replace(text.Trim(), " ");

    /// <summary>The comparisons with a number in a condition ("dedicatedChuckOverlayNm <= 2.40 nm", "mrf(K = 0.25) <= 45 nm"), in order.</summary>
    public static ImmutableArray<string> Thresholds(string condition) => [.. Comparison().Matches(condition).Select(m => Normalise(m.Value))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[A-Za-z][\w.\-]*(\([^()]*\))?\s*(<=|>=|<|>|==|!=)\s*-?\d+(\.\d+)?(\s*(nm|um|µm|mm|m|ms|s|eV|keV|MeV|uA|µA|mA|A|degC|%)(?![\w]))?")]
    private static partial Regex Comparison();
}
