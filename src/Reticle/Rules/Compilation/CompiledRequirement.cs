using Reticle.Model;
using Reticle.Rules.Packs;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>One version of a requirement rule, compiled: activities as a bit mask, item scope resolved to control entries.</summary>
public sealed class CompiledRequirement
{
    private readonly int _activityMask;
    private readonly ControlVersions[] _items;

    internal CompiledRequirement(RequirementDefinition definition, RulePack pack, EffectivePeriod effective,
        IReadOnlyList<ControlVersions> items, Condition? condition, IReadOnlyList<CompiledException> exceptions)
    {
        Exceptions = exceptions;
        Definition = definition;
        Pack = pack;
        Effective = effective;
        Items = items;
        _items = [.. items];
        Condition = condition;
        _activityMask = definition.Activities.Aggregate(0, (mask, a) => mask | (1 << (int)a));
        _activities = string.Join(", ", definition.Activities.Select(a => a.ToWire()));
        PackVersion = pack.Version;
        Severity = Determination.EffectNames.ToOutcome(definition.Effect);
    }

    /// <summary>The outcome the rule imposes when it applies (its effect), read on every decision.</summary>
    internal Determination.Outcome Severity { get; }

    /// <summary>The pack's <see cref="RulePack.Version"/>, which every finding names: formatted once.</summary>
    internal string PackVersion { get; }

    public RequirementDefinition Definition { get; }
    /// <summary>The pack this rule belongs to (its source: the compiled pack is built from its rules, so after them).</summary>
    public RulePack Pack { get; }
    public EffectivePeriod Effective { get; }
    public IReadOnlyList<ControlVersions> Items { get; }
    public Condition? Condition { get; }

    /// <summary>Licence exceptions and general authorisations that may overcome this requirement.</summary>
    public IReadOnlyList<CompiledException> Exceptions { get; }

    public string Id => Definition.Id;

    public Confidence Confidence => Definition.Confidence ?? Pack.Confidence;

    // The rule's activities as reasons print them.
    private readonly string _activities;

    public bool CoversActivity(Activity activity) => (_activityMask & (1 << (int)activity)) != 0;

    /// <summary>Whether the rule applies: activity, then item scope (any listed entry), then the condition — in Kleene logic.</summary>
    public Truth Evaluate(Facts facts)
    {
        if (!CoversActivity(facts.Transaction.Activity))
        {
            return Truth.False;
        }
        var items = ItemTruth(facts);
        if (items == Truth.False)
        {
            return Truth.False;
        }
        return Condition is null ? items : Kleene.And(items, Condition.Evaluate(facts));
    }

    private Truth ItemTruth(Facts facts)
    {
        if (_items.Length == 0)
        {
            return Truth.True;
        }
        var result = Truth.False;
        foreach (var versions in _items)
        {
            if (versions.At(facts.Day) is not { } control)
            {
                continue;
            }
            var truth = control.Evaluate(facts);
            if (truth == Truth.True)
            {
                return Truth.True;
            }
            if (truth == Truth.Unknown)
            {
                result = Truth.Unknown;
            }
        }
        return result;
    }

    public void Explain(Facts facts, Explanation explanation)
    {
        if (!CoversActivity(facts.Transaction.Activity))
        {
            explanation.Add($"activity {facts.Transaction.Activity.ToWire()} is not one of {_activities}");
            return;
        }
        var items = ItemTruth(facts);
        // The kinds of the entries summarised as being for other kinds of item, in ordinal order without repeats.
        var otherKinds = facts.ScratchWords;
        otherKinds.Clear();
        var otherCount = 0;
        foreach (var versions in _items)
        {
            if (versions.At(facts.Day) is not { } control)
            {
                continue;
            }
            if (items == Truth.False && control.OtherKind(facts) is { } kind)
            {
                var at = otherKinds.BinarySearch(kind, StringComparer.Ordinal);
                if (at < 0)
                {
                    otherKinds.Insert(~at, kind);
                }
                otherCount++;
                continue;
            }
            var truth = control.Evaluate(facts);
            if (truth == items || items == Truth.False)
            {
                var inner = control.Explained(facts);
                explanation.Add($"{control.QualifiedId}: {inner.Because}");
                if (inner.Missing.Length > 0)
                {
                    explanation.AddMissing(inner.Missing);
                }
                if (items == Truth.True)
                {
                    break;
                }
            }
        }
        if (otherCount > 0)
        {
            var kindOfItem = facts.Transaction.Item.Parameters.TryGetValue("kind", out var k) ? k.ToString() : "this";
            // "3 entries are for other kinds of item than lithography (deposition, etch)", written straight into the reasons.
            explanation.Open();
            explanation.AppendFormatted(otherCount);
            explanation.Append(otherCount == 1 ? " entry is" : " entries are");
            explanation.Append(" for other kinds of item than ");
            explanation.Append(kindOfItem);
            explanation.Append(" (");
            for (var i = 0; i < otherKinds.Count; i++)
            {
                explanation.Append(i == 0 ? "" : ", ");
                explanation.Append(otherKinds[i]);
            }
            explanation.Append(")");
            explanation.Close();
        }
        if (items != Truth.False)
        {
            Condition?.Explain(facts, explanation);
        }
    }
}

/// <summary>A candidate licence exception or general authorisation, with the condition under which it is worth naming.</summary>
public sealed record CompiledException(ExceptionCandidate Definition, Condition? Condition);

/// <summary>All versions of one control entry over time, looked up by date.</summary>
public sealed class ControlVersions(string qualifiedId, Timeline<CompiledControl> versions)
{
    // An entry has a version or two: scanned by day number rather than searched by date.
    private readonly CompiledControl[] _versions = [.. versions.Entries.Select(e => e.Value)];

    public string QualifiedId { get; } = qualifiedId;

    public Timeline<CompiledControl> Versions { get; } = versions;

    public CompiledControl? At(NodaTime.LocalDate date) => Versions.TryGet(date, out var control) ? control : null;

    /// <summary>The version in force on the day (<see cref="Facts.Day"/>), if any.</summary>
    internal CompiledControl? At(int day)
    {
        foreach (var version in _versions)
        {
            if (version.Days.Contains(day))
            {
                return version;
            }
        }
        return null;
    }
}
