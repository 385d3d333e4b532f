using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Reticle.Model;
using Reticle.Rules.Syntax;
using Reticle.Time;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reticle.Rules.Packs;

/// <summary>
/// Reads one rule-pack file (YAML text) into a <see cref="RulePack"/>, rejecting unknown keys, bad
/// types, malformed conditions and reversed periods with file, line, column and rule id.
/// References between packs are checked later, by the compiler, which sees them all.
/// </summary>
public static class RulePackReader
{
    public static RulePack? Read(string file, string text, List<PackError> errors)
    {
        var before = errors.Count;
        if (YamlMap.Load(file, text, errors, "a rule pack is one YAML document whose top level is a mapping") is not { } map)
        {
            return null;
        }
        var id = map.String("pack", required: true) ?? "";
        map.RuleId = id.Length > 0 ? id : null;
        var jurisdiction = map.String("jurisdiction", required: true) ?? "";
        if (jurisdiction.Length > 0 && !IsJurisdiction(jurisdiction))
        {
            map.Error(map.Node("jurisdiction")!, $"unknown jurisdiction '{jurisdiction}' (expected an upper-case code such as US, EU, NL, JP)");
        }
        var title = map.String("title");
        var authority = map.String("authority");
        var instrument = map.String("instrument");
        var citation = map.String("citation", required: true) ?? "";
        var published = map.Date("published", required: true);
        var effective = ReadPeriod(map, "effective", required: true);
        var source = ReadSource(map);
        var confidence = ReadConfidence(map, "confidence") ?? Confidence.Verified;
        var controlList = map.String("controlList");
        var reach = ReadCondition(map, "reach");
        var supersedes = map.Strings("supersedes").Select(s => s.Value).ToList();
        var grandfathering = ReadGrandfathering(map);

        var parameters = new List<ParameterDefinition>();
        var groups = new List<GroupDefinition>();
        var formulas = new List<FormulaDefinition>();
        var conditions = new List<NamedConditionDefinition>();
        if (map.Map("definitions") is { } definitions)
        {
            parameters = ReadParameters(definitions);
            groups = ReadGroups(definitions);
            formulas = ReadFormulas(definitions);
            conditions = ReadNamedConditions(definitions);
            definitions.RejectUnknownKeys("definitions");
        }
        var controls = ReadList(map, "controls", ReadControl);
        var requirements = ReadList(map, "requirements", ReadRequirement);
        if (controls.Count > 0 && controlList is null)
        {
            map.Error("a pack with 'controls' must name its 'controlList' (the list its paragraph ids belong to)");
        }
        if (requirements.Count > 0 && reach is null)
        {
            map.Error("a pack with 'requirements' must say whom it reaches ('reach', e.g. \"from == NL\")");
        }
        map.RejectUnknownKeys("a rule pack");

        if (errors.Count > before || published is null || effective is null)
        {
            return null;
        }
        return new RulePack
        {
            File = file,
            Id = id,
            Jurisdiction = jurisdiction,
            Title = title,
            Authority = authority,
            Instrument = instrument,
            Citation = citation,
            Published = published.Value,
            Effective = effective,
            Source = source,
            Confidence = confidence,
            ControlList = controlList,
            Reach = reach,
            Supersedes = supersedes,
            Grandfathering = grandfathering,
            Parameters = parameters,
            Groups = groups,
            Formulas = formulas,
            Conditions = conditions,
            Controls = controls,
            Requirements = requirements,
            Span = map.Span,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
    }

    private static bool IsJurisdiction(string code) => code.Length is >= 2 and <= 3 && code.All(char.IsAsciiLetterUpper);

    private static List<T> ReadList<T>(YamlMap map, string key, Func<YamlMap, T?> read) where T : class
    {
        var result = new List<T>();
        foreach (var node in map.Sequence(key) ?? [])
        {
            if (node is not YamlMappingNode entry)
            {
                map.Error(node, $"each entry of '{key}' must be a mapping, not {YamlMap.Describe(node)}");
                continue;
            }
            if (read(map.Child(entry)) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }

    internal static EffectivePeriod? ReadPeriod(YamlMap map, string key, bool required = false)
    {
        var period = map.Map(key, required);
        if (period is null)
        {
            return null;
        }
        var from = period.Date("from", required: true);
        var until = period.Date("until");
        period.RejectUnknownKeys($"'{key}'");
        if (from is null)
        {
            return null;
        }
        var result = EffectivePeriod.TryCreate(from.Value, until, out var error);
        if (result is null)
        {
            period.Error(period.Node("until")!, $"'{key}': {error}");
        }
        return result;
    }

    private static SourceReference? ReadSource(YamlMap map)
    {
        var source = map.Map("source");
        if (source is null)
        {
            return null;
        }
        var result = new SourceReference(source.String("url"), source.Date("snapshot", required: true), source.String("note"));
        source.RejectUnknownKeys("'source'");
        return result;
    }

    private static Confidence? ReadConfidence(YamlMap map, string key)
    {
        var text = map.String(key);
        switch (text)
        {
            case null:
                return null;
            case "verified":
                return Confidence.Verified;
            case "secondary":
                return Confidence.Secondary;
            case "unverified":
                return Confidence.Unverified;
            default:
                map.Error(map.Node(key)!, $"'{key}' must be verified, secondary or unverified, not '{text}'");
                return null;
        }
    }

    private static SourceText? ReadCondition(YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        if (text is null)
        {
            return null;
        }
        if (ExpressionParser.TryParse(text.Text, out var error) is null)
        {
            map.ErrorAt(text.At(error!.Offset), $"'{key}': {error.Message}");
            return null;
        }
        return text;
    }

    private static Grandfathering? ReadGrandfathering(YamlMap map)
    {
        var node = map.Map("grandfathering");
        if (node is null)
        {
            return null;
        }
        var before = node.Date("licensesIssuedBefore", required: true);
        var citation = node.String("citation", required: true);
        var text = node.String("text");
        node.RejectUnknownKeys("'grandfathering'");
        return before is null || citation is null ? null : new Grandfathering(before.Value, citation, text);
    }

    private static List<ParameterDefinition> ReadParameters(YamlMap definitions)
    {
        var result = new List<ParameterDefinition>();
        if (definitions.Map("parameters") is not { } parameters)
        {
            return result;
        }
        foreach (var (name, value, keyNode) in parameters.Entries())
        {
            if (value is not YamlMappingNode mapping)
            {
                parameters.Error(value, $"parameter '{name}' must be a mapping with 'label' and 'unit' or 'type: text'");
                continue;
            }
            var p = parameters.Child(mapping);
            var label = p.String("label") ?? name;
            var unit = p.String("unit");
            var type = p.String("type");
            var description = p.String("description");
            p.RejectUnknownKeys($"parameter '{name}'");
            if (type is not (null or "number" or "text"))
            {
                p.Error(p.Node("type")!, $"parameter '{name}': type must be number or text, not '{type}'");
                continue;
            }
            if (unit is not null && Units.UnitTable.Find(unit) is null)
            {
                p.Error(p.Node("unit")!, $"parameter '{name}': unknown unit '{unit}' (known: {string.Join(", ", Units.UnitTable.Symbols)})");
                continue;
            }
            result.Add(new ParameterDefinition(name, label, unit, type == "text", description, YamlMap.SpanOf(keyNode, p.Span.File)));
        }
        return result;
    }

    private static List<GroupDefinition> ReadGroups(YamlMap definitions)
    {
        var result = new List<GroupDefinition>();
        if (definitions.Map("groups") is not { } groups)
        {
            return result;
        }
        foreach (var (id, value, keyNode) in groups.Entries())
        {
            if (value is not YamlMappingNode mapping)
            {
                groups.Error(value, $"group '{id}' must be a mapping with 'members'");
                continue;
            }
            var g = groups.Child(mapping);
            var title = g.String("title");
            var citation = g.String("citation");
            var members = new List<GroupMember>();
            foreach (var memberNode in g.Sequence("members") ?? [])
            {
                if (memberNode is YamlScalarNode { Value: { } plain })
                {
                    AddMember(g, memberNode, plain, EffectivePeriod.Always, members, id);
                    continue;
                }
                if (memberNode is not YamlMappingNode memberMap)
                {
                    g.Error(memberNode, $"group '{id}': each member is a country code or {{ country, from, until }}");
                    continue;
                }
                var m = g.Child(memberMap);
                var country = m.String("country", required: true);
                var from = m.Date("from");
                var until = m.Date("until");
                m.RejectUnknownKeys($"a member of group '{id}'");
                var period = EffectivePeriod.TryCreate(from ?? LocalDate.MinIsoValue, until, out var error);
                if (period is null)
                {
                    m.Error(m.Node("until")!, $"group '{id}', member {country}: {error}");
                    continue;
                }
                if (country is not null)
                {
                    AddMember(g, memberNode, country, period, members, id);
                }
            }
            g.RejectUnknownKeys($"group '{id}'");
            if (g.Node("members") is null)
            {
                g.Error($"group '{id}' has no 'members'");
            }
            result.Add(new GroupDefinition(id, title, citation, members, YamlMap.SpanOf(keyNode, g.Span.File)));
        }
        return result;
    }

    private static void AddMember(YamlMap g, YamlNode node, string country, EffectivePeriod period, List<GroupMember> members, string groupId)
    {
        if (!CountryCode.TryParse(country, out var code))
        {
            g.Error(node, $"group '{groupId}': unknown country code '{country}' (ISO 3166-1 alpha-2 expected)");
            return;
        }
        var clash = members.FirstOrDefault(m => m.Country == code && m.Period.Overlaps(period));
        if (clash is not null)
        {
            g.Error(node, $"group '{groupId}': member {country} is listed twice for overlapping periods {clash.Period} and {period}");
            return;
        }
        members.Add(new GroupMember(code, period, YamlMap.SpanOf(node, g.Span.File)));
    }

    private static List<FormulaDefinition> ReadFormulas(YamlMap definitions)
    {
        var result = new List<FormulaDefinition>();
        if (definitions.Map("formulas") is not { } formulas)
        {
            return result;
        }
        foreach (var (id, value, keyNode) in formulas.Entries())
        {
            if (value is not YamlMappingNode mapping)
            {
                formulas.Error(value, $"formula '{id}' must be a mapping with 'expression' and 'unit'");
                continue;
            }
            var f = formulas.Child(mapping);
            var label = f.String("label") ?? id;
            var unit = f.String("unit", required: true);
            var arguments = f.Strings("arguments").Select(a => a.Value).ToList();
            var expression = ReadCondition(f, "expression", required: true);
            var givenAs = f.String("givenAs");
            var description = f.String("description");
            f.RejectUnknownKeys($"formula '{id}'");
            if (unit is not null && unit.Length > 0 && Units.UnitTable.Find(unit) is null)
            {
                f.Error(f.Node("unit")!, $"formula '{id}': unknown unit '{unit}'");
                continue;
            }
            if (expression is not null && unit is not null)
            {
                result.Add(new FormulaDefinition(id, label, unit, arguments, expression, givenAs, description, YamlMap.SpanOf(keyNode, f.Span.File)));
            }
        }
        return result;
    }

    private static List<NamedConditionDefinition> ReadNamedConditions(YamlMap definitions)
    {
        var result = new List<NamedConditionDefinition>();
        if (definitions.Map("conditions") is not { } conditions)
        {
            return result;
        }
        foreach (var (id, value, keyNode) in conditions.Entries())
        {
            if (value is not YamlMappingNode mapping)
            {
                conditions.Error(value, $"condition '{id}' must be a mapping with 'label' and 'when'");
                continue;
            }
            var c = conditions.Child(mapping);
            c.RuleId = id;
            var label = c.String("label") ?? id;
            var when = ReadCondition(c, "when", required: true);
            var citation = c.String("citation");
            c.RejectUnknownKeys($"condition '{id}'");
            if (when is not null)
            {
                result.Add(new NamedConditionDefinition(id, label, when, citation, YamlMap.SpanOf(keyNode, c.Span.File)));
            }
        }
        return result;
    }

    private static ExceptionCandidate? ReadException(YamlMap e)
    {
        var id = e.String("id", required: true);
        var kindText = e.String("kind") ?? "license-exception";
        var title = e.String("title");
        var citation = e.String("citation", required: true);
        var when = ReadCondition(e, "when");
        var confirm = e.Strings("confirm").Select(c => c.Value).ToList();
        e.RejectUnknownKeys($"exception '{id}'");
        ExceptionKind? kind = kindText switch
        {
            "license-exception" => ExceptionKind.LicenseException,
            "general-authorisation" => ExceptionKind.GeneralAuthorisation,
            _ => null,
        };
        if (kind is null)
        {
            e.Error(e.Node("kind")!, $"exception kind must be license-exception or general-authorisation, not '{kindText}'");
        }
        return id is null || citation is null || kind is null ? null
            : new ExceptionCandidate(id, kind.Value, title, citation, when, confirm, e.Span);
    }

    private static ControlEntryDefinition? ReadControl(YamlMap c)
    {
        var id = c.String("id", required: true);
        c.RuleId = id;
        var title = c.String("title");
        var text = c.String("text");
        var condition = ReadCondition(c, "when", required: true);
        var citation = c.String("citation");
        var confidence = ReadConfidence(c, "confidence");
        var effective = ReadPeriod(c, "effective");
        var components = c.Boolean("components") ?? false;
        c.RejectUnknownKeys($"control entry '{id}'");
        return id is null || condition is null ? null
            : new ControlEntryDefinition(id, title, text, condition, citation, confidence, effective, c.Span) { IncludesComponents = components };
    }

    private static RequirementDefinition? ReadRequirement(YamlMap r)
    {
        var id = r.String("id", required: true);
        r.RuleId = id;
        var title = r.String("title");
        var activities = new List<Activity>();
        foreach (var (name, span) in r.Strings("activities"))
        {
            if (ActivityNames.TryParse(name, out var activity))
            {
                activities.Add(activity);
            }
            else
            {
                r.Error(r.Node("activities")!, $"unknown activity '{name}' (known: {string.Join(", ", ActivityNames.All)})");
            }
        }
        if (r.Node("activities") is null)
        {
            r.Error("missing required key 'activities'");
        }
        var items = r.Strings("items");
        var condition = ReadCondition(r, "when");
        var effectText = r.String("effect", required: true);
        Effect? effect = effectText switch
        {
            "license-required" => Effect.LicenseRequired,
            "review" => Effect.Review,
            "prohibited" => Effect.Prohibited,
            null => null,
            _ => null,
        };
        if (effectText is not null && effect is null)
        {
            r.Error(r.Node("effect")!, $"effect must be license-required, review or prohibited, not '{effectText}'");
        }
        var citation = r.String("citation", required: true);
        var confidence = ReadConfidence(r, "confidence");
        var effective = ReadPeriod(r, "effective");
        var note = r.String("note");
        var exceptions = ReadList(r, "exceptions", ReadException);
        r.RejectUnknownKeys($"requirement '{id}'");
        return id is null || effect is null || citation is null ? null
            : new RequirementDefinition(id, title, activities, items, condition, effect.Value, citation, confidence, effective, note, exceptions, r.Span);
    }
}
