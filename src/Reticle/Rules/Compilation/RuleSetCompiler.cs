using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Reticle.Rules.Packs;
using Reticle.Rules.Units;
using Reticle.Time;

namespace Reticle.Rules.Compilation;

/// <summary>
/// Checks rule packs against each other and compiles them into a <see cref="RuleSet"/>: unique ids,
/// references that resolve (groups, formulas, control entries, superseded packs), versions of one rule
/// that do not overlap, units that fit. Either a rule set or the full list of errors — never half of one.
/// </summary>
public static class RuleSetCompiler
{
    public static RuleSet? Compile(IReadOnlyList<RulePack> allPacks, List<PackError> errors, LocalDate? knownAt = null)
    {
        var before = errors.Count;
        CheckUniquePackIds(allPacks, errors);
        var packs = knownAt is { } known ? allPacks.Where(p => p.Published <= known).ToList() : allPacks.ToList();

        var parameters = BuildParameters(packs, errors);
        var groups = BuildGroups(packs, errors);
        var formulas = IndexById(packs, p => p.Formulas, f => f.Id, f => f.Span, "formula", errors);
        var named = IndexById(packs, p => p.Conditions, c => c.Id, c => c.Span, "condition", errors);
        // All jurisdictions, known or not yet: a reference to a regime whose packs were not yet published reads as "not listed".
        var directory = new ControlDirectory(allPacks.Select(p => p.Jurisdiction).Distinct(StringComparer.Ordinal));
        var compiler = new ConditionCompiler(parameters, formulas, groups, named, directory);
        foreach (var formula in formulas.Values)
        {
            compiler.CheckFormula(formula, out var error);
            if (error is { } e)
            {
                errors.Add(formula.Expression.At(e.Offset).Error(e.Message, formula.Id));
            }
        }

        foreach (var definition in named.Values)
        {
            compiler.CompileNamed(definition, out var error);
            if (error is { } e)
            {
                errors.Add(definition.Condition.At(e.Offset).Error(e.Message, definition.Id));
            }
        }

        // Each pack's parts are compiled first and the pack built whole from them at the end (CompiledPack is immutable).
        var knownIds = packs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var effectivePeriods = EffectivePeriods(packs, allPacks, knownIds, errors);
        var reaches = new Condition?[packs.Count];
        var controlsOf = new List<CompiledControl>[packs.Count];
        var requirementsOf = new List<CompiledRequirement>[packs.Count];
        // Every entry a pack declares, compiled or not: a reference to an entry whose own condition
        // failed is that entry's error, not a second "unknown entry" error.
        var declared = packs.SelectMany(p => p.Controls.Select(c => $"{p.ControlList} {c.Id}")).ToHashSet(StringComparer.Ordinal);

        var controlSlot = 0;
        var controlVersions = new Dictionary<string, List<(EffectivePeriod, CompiledControl)>>(StringComparer.Ordinal);
        for (var p = 0; p < packs.Count; p++)
        {
            var source = packs[p];
            if (source.Reach is { } reach)
            {
                reaches[p] = CompileCondition(compiler, reach, source.Id, errors);
            }
            var controls = new List<CompiledControl>();
            compiler.AllowListReferences = false;
            foreach (var entry in source.Controls)
            {
                var condition = CompileCondition(compiler, entry.Condition, entry.Id, errors);
                var effective = Narrow(effectivePeriods[p], entry.Effective, entry.Span, entry.Id, errors);
                if (condition is null || effective is null)
                {
                    continue;
                }
                var control = new CompiledControl($"{source.ControlList} {entry.Id}", entry, source, effective, condition, controlSlot++);
                controls.Add(control);
                directory.Add(source.Jurisdiction, control);
                AddVersion(controlVersions, control.QualifiedId, effective, control);
            }
            controlsOf[p] = controls;
            compiler.AllowListReferences = true;
        }
        var controlTimelines = new Dictionary<string, ControlVersions>(StringComparer.Ordinal);
        foreach (var (id, versions) in controlVersions)
        {
            var timeline = Timeline<CompiledControl>.TryCreate(versions, out var overlap);
            if (timeline is null)
            {
                var second = versions.OrderBy(v => v.Item1.From).Skip(1).First().Item2;
                errors.Add(second.Definition.Span.Error($"overlapping versions of control entry '{id}': {overlap}", second.Definition.Id));
                continue;
            }
            controlTimelines[id] = new ControlVersions(id, timeline);
        }

        var requirementVersions = new Dictionary<string, List<(EffectivePeriod, CompiledRequirement)>>(StringComparer.Ordinal);
        for (var p = 0; p < packs.Count; p++)
        {
            var pack = packs[p];
            var requirements = new List<CompiledRequirement>();
            foreach (var rule in pack.Requirements)
            {
                var items = new List<ControlVersions>();
                foreach (var (reference, span) in rule.Items)
                {
                    var qualified = reference.Contains(' ', StringComparison.Ordinal) ? reference : $"{pack.ControlList} {reference}";
                    if (controlTimelines.TryGetValue(qualified, out var versions))
                    {
                        items.Add(versions);
                    }
                    else if (!declared.Contains(qualified))
                    {
                        errors.Add(span.Error(qualified == reference
                            ? $"unknown control entry '{reference}'"
                            : $"unknown control entry '{reference}' (looked for '{qualified}')", rule.Id));
                    }
                }
                var condition = rule.Condition is null ? null : CompileCondition(compiler, rule.Condition, rule.Id, errors);
                var effective = Narrow(effectivePeriods[p], rule.Effective, rule.Span, rule.Id, errors);
                if (effective is null || (rule.Condition is not null && condition is null))
                {
                    continue;
                }
                var exceptions = new List<CompiledException>();
                foreach (var candidate in rule.Exceptions)
                {
                    var when = candidate.Condition is null ? null : CompileCondition(compiler, candidate.Condition, $"{rule.Id} / {candidate.Id}", errors);
                    if (candidate.Condition is null || when is not null)
                    {
                        exceptions.Add(new CompiledException(candidate, when));
                    }
                }
                var requirement = new CompiledRequirement(rule, pack, effective, items, condition, exceptions);
                requirements.Add(requirement);
                AddVersion(requirementVersions, rule.Id, effective, requirement);
            }
            requirementsOf[p] = requirements;
        }
        foreach (var (id, versions) in requirementVersions)
        {
            if (Timeline<CompiledRequirement>.TryCreate(versions, out var overlap) is null)
            {
                var second = versions.OrderBy(v => v.Item1.From).Skip(1).First().Item2;
                errors.Add(second.Definition.Span.Error($"overlapping versions of rule '{id}': {overlap}", id));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("\n", packs.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => $"{p.Id} {p.Sha256}")))));
        var compiled = packs.Select((pack, p) => new CompiledPack(pack, effectivePeriods[p], reaches[p], controlsOf[p], requirementsOf[p])).ToList();
        return new RuleSet(compiled, parameters, groups, controlSlot, compiler.NamedCount, compiler.ClassifiedCount, $"sha256:{hash}", knownAt)
        {
            ListsDecided = [.. compiler.ListsReferenced],
        };
    }

    private static void AddVersion<T>(Dictionary<string, List<(EffectivePeriod, T)>> versions, string id, EffectivePeriod period, T value)
    {
        if (!versions.TryGetValue(id, out var list))
        {
            versions[id] = list = [];
        }
        list.Add((period, value));
    }

    private static void CheckUniquePackIds(IReadOnlyList<RulePack> packs, List<PackError> errors)
    {
        foreach (var group in packs.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                errors.Add(duplicate.Span.Error($"pack id '{group.Key}' is already used by {first.File}", group.Key));
            }
        }
    }

    /// <summary>
    /// A pack named in another's <c>supersedes</c> ends where its successor starts; if the successor
    /// is not known in this rule set (it was published after the knowledge date), the old pack's own
    /// end date, which only the successor set, is left open.
    /// </summary>
    private static EffectivePeriod[] EffectivePeriods(List<RulePack> packs, IReadOnlyList<RulePack> allPacks, HashSet<string> known, List<PackError> errors)
    {
        var allIds = allPacks.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            foreach (var superseded in pack.Supersedes)
            {
                if (!allIds.Contains(superseded))
                {
                    errors.Add(pack.Span.Error($"'supersedes' names unknown pack '{superseded}'", pack.Id));
                }
            }
        }
        return [.. packs.Select(pack =>
        {
            var successors = allPacks.Where(p => p.Supersedes.Contains(pack.Id)).ToList();
            return successors.Count > 0 && successors.All(s => !known.Contains(s.Id)) ? EffectivePeriod.Create(pack.Effective.From) : pack.Effective;
        })];
    }

    private static EffectivePeriod? Narrow(EffectivePeriod pack, EffectivePeriod? own, SourceSpan span, string ruleId, List<PackError> errors)
    {
        if (own is null)
        {
            return pack;
        }
        var narrowed = pack.Intersect(own);
        if (narrowed is null)
        {
            errors.Add(span.Error($"rule period {own} lies outside its pack's period {pack}", ruleId));
        }
        return narrowed;
    }

    private static Condition? CompileCondition(ConditionCompiler compiler, SourceText text, string ruleId, List<PackError> errors)
    {
        var condition = compiler.CompileCondition(text, out var error);
        if (error is { } e)
        {
            errors.Add(text.At(e.Offset).Error(e.Message, ruleId));
        }
        return condition;
    }

    private static ParameterRegistry BuildParameters(List<RulePack> packs, List<PackError> errors)
    {
        var infos = new List<ParameterInfo>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in ParameterRegistry.BuiltIn)
        {
            infos.Add(new ParameterInfo(p.Name, p.Label, UnitTable.Find(p.Unit), p.IsText, infos.Count(i => i.IsText == p.IsText)));
            seen[p.Name] = "the built-in parameters";
        }
        foreach (var pack in packs)
        {
            foreach (var p in pack.Parameters)
            {
                if (seen.TryGetValue(p.Name, out var where))
                {
                    errors.Add(p.Span.Error($"parameter '{p.Name}' is already defined by {where}", pack.Id));
                    continue;
                }
                seen[p.Name] = pack.File;
                infos.Add(new ParameterInfo(p.Name, p.Label, UnitTable.Find(p.Unit), p.IsText, infos.Count(i => i.IsText == p.IsText)));
            }
        }
        return new ParameterRegistry(infos);
    }

    private static Dictionary<string, CountryGroup> BuildGroups(List<RulePack> packs, List<PackError> errors)
    {
        var groups = new Dictionary<string, CountryGroup>(StringComparer.Ordinal);
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            foreach (var g in pack.Groups)
            {
                if (where.TryGetValue(g.Id, out var file))
                {
                    errors.Add(g.Span.Error($"group '{g.Id}' is already defined in {file}", pack.Id));
                    continue;
                }
                where[g.Id] = pack.File;
                var members = g.Members.GroupBy(m => m.Country.Value, StringComparer.Ordinal)
                    .ToFrozenDictionary(m => m.Key, m => m.Select(x => x.Period).ToArray(), StringComparer.Ordinal);
                groups[g.Id] = new CountryGroup(g.Id, members);
            }
        }
        return groups;
    }

    /// <summary>
    /// Definitions whose ids are global across packs (formulas, named conditions), indexed by id; a second
    /// definition of an id is an error naming the file of the first.
    /// </summary>
    private static Dictionary<string, T> IndexById<T>(List<RulePack> packs, Func<RulePack, IEnumerable<T>> definitions,
        Func<T, string> id, Func<T, SourceSpan> span, string what, List<PackError> errors)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            foreach (var definition in definitions(pack))
            {
                if (!index.TryAdd(id(definition), definition))
                {
                    errors.Add(span(definition).Error($"{what} '{id(definition)}' is already defined in {span(index[id(definition)]).File}", pack.Id));
                }
            }
        }
        return index;
    }
}
