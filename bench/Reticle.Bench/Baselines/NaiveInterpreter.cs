using System.Collections.Immutable;
using NodaTime;
using Reticle.Determination;
using Reticle.Model;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Rules.Syntax;
using Reticle.Rules.Units;

namespace Reticle.Bench.Baselines;

/// <summary>
/// The baseline the compiled rule set is measured against: the same packs, interpreted the obvious
/// way. Each evaluation walks the syntax tree, looks every name up by string (parameters, groups,
/// formulas, control entries across all packs), converts units on the fly and filters packs by date
/// with a scan. It decides the outcome per jurisdiction only (no explanations), so the comparison
/// flatters the baseline.
/// </summary>
internal sealed class NaiveInterpreter
{
    private readonly IReadOnlyList<RulePack> _packs;
    private readonly Dictionary<string, Expr> _parsed = new(StringComparer.Ordinal);

    public NaiveInterpreter(IReadOnlyList<RulePack> packs)
    {
        _packs = packs;
        // Parsing once is fair: an interpreter still walks the tree on every evaluation.
        foreach (var text in packs.SelectMany(Conditions))
        {
            _parsed[text] = ExpressionParser.TryParse(text, out _) ?? throw new InvalidOperationException(text);
        }
    }

    private static IEnumerable<string> Conditions(RulePack p) =>
        new[] { p.Reach?.Text }
            .Concat(p.Formulas.Select(f => f.Expression.Text))
            .Concat(p.Conditions.Select(c => c.Condition.Text))
            .Concat(p.Controls.Select(c => c.Condition.Text))
            .Concat(p.Requirements.Select(r => r.Condition?.Text))
            .OfType<string>();

    /// <summary>The rules found to apply in the last decision, for the benchmark's agreement check.</summary>
    public List<string> LastApplied { get; } = [];

    /// <summary>The rules (and reaches) left undetermined in the last decision, for the same check.</summary>
    public List<string> LastUndetermined { get; } = [];

    public ImmutableSortedDictionary<string, Outcome> Decide(Transaction t)
    {
        LastApplied.Clear();
        LastUndetermined.Clear();
        var result = ImmutableSortedDictionary.CreateBuilder<string, Outcome>(StringComparer.Ordinal);
        foreach (var jurisdiction in _packs.Select(p => p.Jurisdiction).Distinct())
        {
            var inForce = _packs.Where(p => p.Jurisdiction == jurisdiction && p.Effective.Contains(t.Date)).ToList();
            bool? reach = false;
            foreach (var pack in inForce.Where(p => p.Reach is not null))
            {
                var packReach = Truth(Eval(_parsed[pack.Reach!.Text], t, null));
                if (packReach is null)
                {
                    LastUndetermined.Add(pack.Id + ":reach");
                }
                reach = Or(reach, packReach);
            }
            if (reach == false)
            {
                result[jurisdiction] = Outcome.NotApplicable;
                continue;
            }
            var outcome = Outcome.Permitted;
            var undetermined = new List<Effect>();
            var anyPossible = false;
            foreach (var rule in inForce.SelectMany(p => p.Requirements.Select(r => (Pack: p, Rule: r))))
            {
                // A rule may come into force after its pack (the September 2024 worldwide 3B001 rows).
                if (!rule.Rule.Activities.Contains(t.Activity) || !(rule.Rule.Effective?.Contains(t.Date) ?? true))
                {
                    continue;
                }
                bool? items = rule.Rule.Items.Count == 0 ? true : false;
                foreach (var (reference, _) in rule.Rule.Items)
                {
                    var qualified = reference.Contains(' ') ? reference : $"{rule.Pack.ControlList} {reference}";
                    var control = _packs.Where(p => p.Effective.Contains(t.Date))
                        .SelectMany(p => p.Controls.Select(c => (p, c)))
                        .FirstOrDefault(x => $"{x.p.ControlList} {x.c.Id}" == qualified);
                    if (control.c is not null && (control.c.Effective?.Contains(t.Date) ?? true))
                    {
                        items = Or(items, Control(control.p, control.c, t));
                    }
                }
                var applies = rule.Rule.Condition is null ? items : And(items, Truth(Eval(_parsed[rule.Rule.Condition.Text], t, null)));
                anyPossible |= applies != false;
                if (applies == true)
                {
                    LastApplied.Add(rule.Rule.Id);
                }
                if (applies == true)
                {
                    outcome = OutcomeNames.Max(outcome, rule.Rule.Effect.ToOutcome());
                }
                else if (applies is null)
                {
                    LastUndetermined.Add(rule.Rule.Id);
                    undetermined.Add(rule.Rule.Effect);
                }
            }
            var definite = outcome;
            if (undetermined.Any(e => e.ToOutcome() > definite) || (reach is null && anyPossible))
            {
                outcome = OutcomeNames.Max(outcome, Outcome.Review);
            }
            result[jurisdiction] = outcome;
        }
        return result.ToImmutable();
    }

    private static bool? Truth(object? value) => value as bool?;

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

    private object? Eval(Expr expr, Transaction t, Dictionary<string, object?>? arguments)
    {
        switch (expr)
        {
            case NumberLiteral n:
                return n.Value * (UnitTable.Find(n.Unit)?.ToCanonical ?? 1m);
            case TextLiteral s:
                return s.Value;
            case Name name:
                return Lookup(name.Identifier, t, arguments);
            case Call { Function: "classified" } classified:
                var code = classified.Arguments[0].Value is Name { Identifier: "from" or "to" or "origin" } fact
                    ? Lookup(fact.Identifier, t, arguments) as string
                    : ((Name)classified.Arguments[0].Value).Identifier;
                var wanted = classified.Arguments.Count < 2 ? null : classified.Arguments[1].Value switch
                {
                    SetLiteral entryList => entryList.Elements.Select(e => e is TextLiteral text ? text.Value : ((Name)e).Identifier).ToList(),
                    TextLiteral text => [text.Value],
                    var single => [((Name)single).Identifier],
                };
                bool? listedHere = false;
                foreach (var pack in _packs.Where(p => p.Jurisdiction == code && p.Effective.Contains(t.Date)))
                {
                    foreach (var c in pack.Controls.Where(c => (c.Effective?.Contains(t.Date) ?? true)
                        && (wanted is null || wanted.Any(entry => c.Id == entry || c.Id.StartsWith(entry + ".", StringComparison.Ordinal)))))
                    {
                        listedHere = Or(listedHere, Control(pack, c, t));
                    }
                }
                return listedHere;
            case Call { Function: "designedFor" } designedFor:
                // The same question as classified(...), asked of the item it is designed for; unknown if that is not said.
                return t.Item.Parent is { } designedForParent
                    ? Eval(designedFor with { Function = "classified" }, t with { Item = designedForParent }, arguments)
                    : null;
            case Call { Function: "anyPerson" } anyPerson:
                if (t.Personnel.IsDefaultOrEmpty)
                {
                    return null;
                }
                bool? anyone = false;
                foreach (var person in t.Personnel)
                {
                    _person = person;
                    anyone = Or(anyone, Truth(Eval(anyPerson.Arguments[0].Value, t, arguments)));
                }
                _person = null;
                return anyone;
            case Call { Function: "listed" }:
                return t.Parties.IsDefaultOrEmpty ? false : null;
            case Includes includes:
                return t.Item.UsTechnologyInputs.IsDefault
                    ? null
                    : ((SetLiteral)includes.Set).Elements.Any(e => t.Item.UsTechnologyInputs.Contains(((Name)e).Identifier));
            case Call call:
                var formula = _packs.SelectMany(p => p.Formulas).First(f => f.Id == call.Function);
                if (formula.GivenAs is { } given && Parameter(given, t) is decimal stated)
                {
                    return stated;
                }
                var args = call.Arguments.ToDictionary(a => a.Name, a => Eval(a.Value, t, arguments));
                return Eval(ExpressionParser.TryParse(formula.Expression.Text, out _)!, t, args);
            case Arithmetic a:
                if (Eval(a.Left, t, arguments) is not decimal l || Eval(a.Right, t, arguments) is not decimal r)
                {
                    return null;
                }
                return a.Operator switch { '+' => l + r, '-' => l - r, '*' => l * r, _ => r == 0 ? null : l / r };
            case Negate neg:
                return Eval(neg.Operand, t, arguments) is decimal v ? -v : null;
            case Comparison c:
                var left = Eval(c.Left, t, arguments) ?? (c.Left is Name ln && !IsKnownName(ln.Identifier) ? ln.Identifier : null);
                var right = Eval(c.Right, t, arguments) ?? (c.Right is Name rn && !IsKnownName(rn.Identifier) ? rn.Identifier : null);
                if (left is null || right is null)
                {
                    return null;
                }
                if (left is decimal dl && right is decimal dr)
                {
                    return c.Operator.Holds(dl.CompareTo(dr));
                }
                if (c.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
                {
                    return null;
                }
                var equal = string.Equals(left.ToString(), right.ToString(), StringComparison.Ordinal);
                return c.Operator == ComparisonOperator.Equal ? equal : !equal;
            case Membership m:
                if (Eval(m.Element, t, arguments) is not string element)
                {
                    return null;
                }
                bool member;
                if (m.Set is SetLiteral list)
                {
                    member = list.Elements.Any(e => e is Name n ? n.Identifier == element : e is TextLiteral s && s.Value == element);
                }
                else
                {
                    var group = _packs.SelectMany(p => p.Groups).First(g => g.Id == ((Name)m.Set).Identifier);
                    member = group.Members.Any(x => x.Country.Value == element && x.Period.Contains(t.Date));
                }
                return member != m.Negated;
            case AllOf all:
                return all.Operands.Aggregate((bool?)true, (acc, o) => And(acc, Truth(Eval(o, t, arguments))));
            case AnyOf any:
                return any.Operands.Aggregate((bool?)false, (acc, o) => Or(acc, Truth(Eval(o, t, arguments))));
            case NotExpr not:
                return Truth(Eval(not.Operand, t, arguments)) is { } b ? !b : null;
            default:
                throw new NotSupportedException(expr.GetType().Name);
        }
    }

    // The person anyPerson(...) is looking at.
    private Person? _person;

    /// <summary>
    /// Whether the item falls under a control entry: its condition, else a declared classification where the condition
    /// cannot decide, else (for an entry that takes in components) whether the goods' parent item falls under it.
    /// </summary>
    private bool? Control(RulePack pack, ControlEntryDefinition control, Transaction t)
    {
        var truth = Truth(Eval(_parsed[control.Condition.Text], t, null));
        if (truth is null && t.Item.Classifications.TryGetValue(pack.Jurisdiction, out var declared))
        {
            var code = declared.StartsWith(pack.ControlList + " ", StringComparison.Ordinal) ? declared[(pack.ControlList!.Length + 1)..] : declared;
            truth = code == control.Id || code.StartsWith(control.Id + ".", StringComparison.Ordinal);
        }
        var softwareOrTechnology = t.Item.Parameters.TryGetValue("kind", out var kind) && kind.Text is "software" or "technology";
        if (truth != true && control.IncludesComponents && t.Item.Parent is { } parent && !softwareOrTechnology)
        {
            truth = Or(truth, Control(pack, control, t with { Item = parent }));
        }
        return truth;
    }

    private bool IsKnownName(string id) =>
        id is "from" or "to" or "origin" or "activity" or "item.containsUsOriginIc" or "personnel.usPerson" or "item.usControlledContentPercent"
            or "item.usOriginIcInCcl345" or "item.producedByUsTechnologyPlant" or "item.containsUsTechnologyPlantProduct"
            or "endUser.country" or "endUser.headquarters" or "exporter.country" or "exporter.headquarters"
        || id.StartsWith("endUse.", StringComparison.Ordinal) || id.StartsWith("person.", StringComparison.Ordinal) || FindParameter(id) is not null;

    private object? Lookup(string id, Transaction t, Dictionary<string, object?>? arguments)
    {
        if (arguments is not null && arguments.TryGetValue(id, out var argument))
        {
            return argument;
        }
        switch (id)
        {
            case "from": return t.From.Value;
            case "to": return t.To.Value;
            case "origin": return t.Item.Origin?.Value;
            case "activity": return t.Activity.ToWire();
        }
        if (id.StartsWith("endUse.", StringComparison.Ordinal))
        {
            return EndUseFacts.NarrowerThan.ContainsKey(id[7..])
                ? EndUseFacts.Answer(t.EndUse, id[7..]) is { } n && n != Knowledge.Unknown ? n.ToWire() : null
                : t.EndUse.TryGetValue(id[7..], out var k) ? k.ToWire() : null;
        }
        switch (id)
        {
            case "person.usPerson": return _person?.UsPerson is { } us ? (us ? "yes" : "no") : null;
            case "person.employer.headquarters": return _person?.Employer?.Headquarters?.Value;
            case "person.employer.majorityOwnerHeadquarters": return _person?.Employer?.MajorityOwnerHeadquarters?.Value;
            case "endUser.country": return t.Parties.FirstOrDefault(p => p.Role == PartyRole.EndUser)?.Country.Value;
            case "endUser.headquarters": return t.Parties.FirstOrDefault(p => p.Role == PartyRole.EndUser)?.Headquarters?.Value;
            case "exporter.country": return t.Parties.FirstOrDefault(p => p.Role == PartyRole.Exporter)?.Country.Value;
            case "exporter.headquarters": return t.Parties.FirstOrDefault(p => p.Role == PartyRole.Exporter)?.Headquarters?.Value;
            case "item.usControlledContentPercent": return t.Item.UsControlledContentPercent / 100m;
            case "item.containsUsOriginIc": return t.Item.ContainsUsOriginIc is { } ic ? (ic ? "yes" : "no") : null;
            case "item.usOriginIcInCcl345": return UsOriginIcs.InCategory345(t.Item);
            case "item.producedByUsTechnologyPlant": return t.Item.ProducedByUsTechnologyPlant is { } p ? (p ? "yes" : "no") : null;
            case "item.containsUsTechnologyPlantProduct": return t.Item.ContainsUsTechnologyPlantProduct is { } c ? (c ? "yes" : "no") : null;
            case "personnel.usPerson":
                return t.Personnel.IsDefaultOrEmpty ? null
                    : t.Personnel.Any(p => p.UsPerson == true) ? "yes" : t.Personnel.All(p => p.UsPerson == false) ? "no" : "unknown";
        }
        if (_packs.SelectMany(p => p.Formulas).Any(f => f.Id == id))
        {
            return Eval(new Call(id, [], 0), t, arguments);
        }
        if (_packs.SelectMany(p => p.Conditions).FirstOrDefault(c => c.Id == id) is { } named)
        {
            return Eval(_parsed[named.Condition.Text], t, arguments);
        }
        return Parameter(id, t);
    }

    private ParameterDefinition? FindParameter(string id) =>
        ParameterRegistry.BuiltIn.Concat(_packs.SelectMany(p => p.Parameters)).FirstOrDefault(p => p.Name == id);

    private object? Parameter(string id, Transaction t)
    {
        if (FindParameter(id) is not { } definition || !t.Item.Parameters.TryGetValue(id, out var value))
        {
            return null;
        }
        return definition.IsText ? value.Text : value.Number * (UnitTable.Find(definition.Unit)?.ToCanonical ?? 1m);
    }
}
