using System.Collections.Frozen;
using Reticle.Model;
using Reticle.Rules.Packs;
using Reticle.Rules.Syntax;
using Reticle.Rules.Units;

namespace Reticle.Rules.Compilation;

/// <summary>
/// Binds a parsed condition to the rule set's names and compiles it: parameters to slots, groups to
/// date-indexed sets, formulas inlined with their arguments, units checked and converted. Errors name
/// the offset in the condition text; the caller maps it to a line and column.
/// </summary>
internal sealed class ConditionCompiler(
    ParameterRegistry parameters,
    IReadOnlyDictionary<string, FormulaDefinition> formulas,
    IReadOnlyDictionary<string, CountryGroup> groups,
    IReadOnlyDictionary<string, NamedConditionDefinition> namedConditions,
    ControlDirectory directory)
{
    private int _formulaDepth;

    // Inside anyPerson(...): person facts mean the person being looked at.
    private bool _personScope;
    private readonly Dictionary<string, Condition?> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _compiling = new(StringComparer.Ordinal);

    /// <summary>The restricted-party lists some rule asks about (<c>listed(EL)</c>): a match on any other list has no rule to decide it.</summary>
    public SortedSet<string> ListsReferenced { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether conditions may ask another regime's lists (<c>classified(...)</c>). Off while compiling
    /// control entries: an entry defined by whether it is on a list would go round in circles.
    /// </summary>
    public bool AllowListReferences { get; set; } = true;

    /// <summary>How many named conditions were compiled: each has a slot in <see cref="Facts"/> for its answer.</summary>
    public int NamedCount { get; private set; }

    // classified(...) tests with the same arguments share one answer per transaction: keyed by their text.
    private readonly Dictionary<string, int> _classifiedSlots = new(StringComparer.Ordinal);

    /// <summary>How many distinct <c>classified(...)</c> tests were compiled: each has a slot in <see cref="Facts"/> for its answer.</summary>
    public int ClassifiedCount => _classifiedSlots.Count;

    /// <summary>Compiles a named condition on its own (reporting its own errors) or returns the cached result.</summary>
    public Condition? CompileNamed(NamedConditionDefinition definition, out (int Offset, string Message)? error)
    {
        error = null;
        if (_named.TryGetValue(definition.Id, out var cached))
        {
            return cached;
        }
        if (!_compiling.Add(definition.Id))
        {
            error = (0, $"condition '{definition.Id}' refers to itself");
            return null;
        }
        // A named condition is answered once per transaction, so it cannot depend on which person is looked at.
        var personScope = _personScope;
        _personScope = false;
        try
        {
            var inner = CompileCondition(definition.Condition, out error);
            var compiled = inner is null ? null : new NamedConditionNode(definition.Label, inner, NamedCount++);
            _named[definition.Id] = compiled;
            return compiled;
        }
        finally
        {
            _compiling.Remove(definition.Id);
            _personScope = personScope;
        }
    }

    public Condition? CompileCondition(SourceText source, out (int Offset, string Message)? error)
    {
        try
        {
            var expr = Parse(source.Text);
            var bound = Bind(expr, null);
            error = null;
            return AsCondition(bound, expr);
        }
        catch (BindFailure failure)
        {
            error = (failure.Offset, failure.Message);
            return null;
        }
    }

    /// <summary>Checks a formula definition on its own, with its arguments taken as plain numbers.</summary>
    public void CheckFormula(FormulaDefinition formula, out (int Offset, string Message)? error)
    {
        try
        {
            var arguments = formula.Arguments.ToDictionary(a => a, a => (NumberNode)new ArgumentNumber(a, new ConstantNumber(1m, "1", Dimension.None)));
            var body = AsNumber(Bind(Parse(formula.Expression.Text), arguments), formula.Expression.Text.Length > 0 ? 0 : 0);
            var unit = UnitTable.Find(formula.Unit) ?? UnitTable.One;
            if (body.Dimension != unit.Dimension)
            {
                throw new BindFailure(0, $"formula '{formula.Id}' computes {body.Dimension} but declares unit '{formula.Unit}' ({unit.Dimension})");
            }
            if (formula.GivenAs is { } givenAs && parameters.Find(givenAs) is not { IsText: false })
            {
                throw new BindFailure(0, $"formula '{formula.Id}': givenAs names unknown numeric parameter '{givenAs}'");
            }
            error = null;
        }
        catch (BindFailure failure)
        {
            error = (failure.Offset, failure.Message);
        }
    }

    private static Expr Parse(string text) =>
        ExpressionParser.TryParse(text, out var syntaxError) ?? throw new BindFailure(syntaxError!.Offset, syntaxError.Message);

    private abstract record Bound;

    private sealed record BoolValue(Condition Condition) : Bound;

    private sealed record NumberValue(NumberNode Node) : Bound;

    private sealed record TextValue(TextNode Node) : Bound;

    /// <summary>A bare name that is none of the known names: a word whose meaning the context gives (a country code, "yes").</summary>
    private sealed record BareWord(string Word, int Offset) : Bound;

    private Bound Bind(Expr expr, IReadOnlyDictionary<string, NumberNode>? arguments) => expr switch
    {
        NumberLiteral n => new NumberValue(Constant(n)),
        TextLiteral t => new TextValue(new WordText(t.Value)),
        Name name => BindName(name, arguments),
        Call call when call.Function is "classified" or "listed" or "ownedBy" or "designedFor" => new BoolValue(BindBuiltIn(call)),
        Call call when call.Function is "anyPerson" => new BoolValue(BindAnyPerson(call, arguments)),
        Call call => new NumberValue(BindFormula(call, arguments)),
        Includes includes => new BoolValue(BindIncludes(includes)),
        Arithmetic a => new NumberValue(BindArithmetic(a, arguments)),
        Negate n => new NumberValue(new NegateNumber(AsNumber(Bind(n.Operand, arguments), n.Offset))),
        Comparison c => new BoolValue(BindComparison(c, arguments)),
        Membership m => new BoolValue(BindMembership(m, arguments)),
        AllOf all => new BoolValue(new AllCondition(all.Operands.Select(o => AsCondition(Bind(o, arguments), o)).ToArray())),
        AnyOf any => new BoolValue(new AnyCondition(any.Operands.Select(o => AsCondition(Bind(o, arguments), o)).ToArray())),
        NotExpr not => new BoolValue(new NotCondition(AsCondition(Bind(not.Operand, arguments), not.Operand))),
        SetLiteral s => throw new BindFailure(s.Offset, "a list [...] can only follow 'in'"),
        _ => throw new BindFailure(expr.Offset, "unsupported expression"),
    };

    private static ConstantNumber Constant(NumberLiteral literal)
    {
        var unit = literal.Unit is null ? UnitTable.One : UnitTable.Find(literal.Unit) ?? throw new BindFailure(literal.Offset, $"unknown unit '{literal.Unit}'");
        return new ConstantNumber(literal.Value * unit.ToCanonical, literal.Text, unit.Dimension);
    }

    private Bound BindName(Name name, IReadOnlyDictionary<string, NumberNode>? arguments)
    {
        var id = name.Identifier;
        if (arguments is not null && arguments.TryGetValue(id, out var argument))
        {
            return new NumberValue(argument);
        }
        if (parameters.Find(id) is { } parameter)
        {
            return parameter.IsText ? new TextValue(new ParameterText(parameter)) : new NumberValue(new ParameterNumber(parameter));
        }
        if (formulas.ContainsKey(id))
        {
            return new NumberValue(BindFormula(new Call(id, [], name.Offset), arguments));
        }
        if (namedConditions.TryGetValue(id, out var named))
        {
            var condition = CompileNamed(named, out var namedError);
            return condition is not null
                ? new BoolValue(condition)
                : throw new BindFailure(name.Offset, namedError is { Message: var m } && m.Contains("refers to itself", StringComparison.Ordinal)
                    ? $"condition '{id}' refers to itself" : $"condition '{id}' has errors (see its definition)");
        }
        if (id == "item.usControlledContentPercent")
        {
            return new NumberValue(new FactNumber("US controlled content", "item.usControlledContentPercent", UnitTable.Find("%")!,
                f => f.Transaction.Item.UsControlledContentPercent));
        }
        if (id.StartsWith("person.", StringComparison.Ordinal))
        {
            return new TextValue(PersonFact(id, name.Offset));
        }
        if (Fact(id) is { } fact)
        {
            return new TextValue(fact);
        }
        if (id.StartsWith("endUse.", StringComparison.Ordinal))
        {
            throw new BindFailure(name.Offset, $"unknown end-use fact '{id}' (known: {string.Join(", ", EndUseFacts.Known.Select(k => "endUse." + k))})");
        }
        if (id.Contains('.', StringComparison.Ordinal) && !groups.ContainsKey(id))
        {
            throw new BindFailure(name.Offset, $"unknown name '{id}': not a parameter, fact, formula or group");
        }
        return new BareWord(id, name.Offset);
    }

    private static TextNode? Fact(string id)
    {
        switch (id)
        {
            case "from":
                return new FactText(TextKind.Country, "exporting country", "from", f => f.Transaction.From.Value);
            case "to":
                return new FactText(TextKind.Country, "destination", "to", f => f.Transaction.To.Value);
            case "origin":
                return new FactText(TextKind.Country, "origin", "item.origin", f => f.Transaction.Item.Origin?.Value);
            case "activity":
                return new FactText(TextKind.Activity, "activity", "activity", f => f.Transaction.Activity.ToWire());
            case "personnel.usPerson":
                return new FactText(TextKind.Knowledge, "US person among personnel", "personnel[].usPerson", UsPersonnel);
            case "item.containsUsOriginIc":
                return new FactText(TextKind.Knowledge, "contains a US-origin integrated circuit", "item.containsUsOriginIc",
                    f => f.Transaction.Item.ContainsUsOriginIc is { } b ? (b ? "yes" : "no") : null);
            case "item.usOriginIcInCcl345":
                return new FactText(TextKind.Knowledge, "contains a US-origin integrated circuit specified under CCL Category 3, 4 or 5",
                    "item.usOriginIcEccns", f => UsOriginIcs.InCategory345(f.Transaction.Item));
            case "item.producedByUsTechnologyPlant":
                return new FactText(TextKind.Knowledge, "produced by a plant that is a direct product of US technology or software",
                    "item.producedByUsTechnologyPlant", f => f.Transaction.Item.ProducedByUsTechnologyPlant is { } b ? (b ? "yes" : "no") : null);
            case "item.containsUsTechnologyPlantProduct":
                return new FactText(TextKind.Knowledge, "contains a commodity produced by a plant that is a direct product of US technology or software",
                    "item.containsUsTechnologyPlantProduct", f => f.Transaction.Item.ContainsUsTechnologyPlantProduct is { } b ? (b ? "yes" : "no") : null);
            case "endUser.country":
                return new FactText(TextKind.Country, "end-user country", "parties[end-user].country",
                    f => f.Transaction.Parties.FirstOrDefault(p => p.Role == PartyRole.EndUser)?.Country.Value);
            case "endUser.headquarters":
                return new PartyFactText(PartyRole.EndUser, "end-user headquarters", "headquarters", static p => p.Headquarters);
            case "exporter.country":
                return new PartyFactText(PartyRole.Exporter, "exporter location", "country", static p => p.Country);
            case "exporter.headquarters":
                return new PartyFactText(PartyRole.Exporter, "exporter headquarters", "headquarters", static p => p.Headquarters);
        }
        if (id.StartsWith("endUse.", StringComparison.Ordinal) && EndUseFacts.Known.Contains(id["endUse.".Length..]))
        {
            var key = id["endUse.".Length..];
            if (EndUseFacts.NarrowerThan.ContainsKey(key))
            {
                // No rule attaches to an 'unknown' answer of these (unlike advancedNodeFacility's unknown-node
                // rule), so it is a fact still missing: review naming it, never a silent no.
                return new FactText(TextKind.Knowledge, id, id,
                    f => EndUseFacts.Answer(f.Transaction.EndUse, key) is { } k && k != Knowledge.Unknown ? k.ToWire() : null);
            }
            return new FactText(TextKind.Knowledge, id, id,
                f => f.Transaction.EndUse.TryGetValue(key, out var k) ? k.ToWire() : null);
        }
        return null;
    }

    private PersonFactText PersonFact(string id, int offset)
    {
        if (!_personScope)
        {
            throw new BindFailure(offset, $"'{id}' is a fact of one person: use it inside anyPerson(...)");
        }
        return id switch
        {
            "person.usPerson" => new PersonFactText(TextKind.Knowledge, "US person", "usPerson",
                static p => p.UsPerson is { } b ? (b ? "yes" : "no") : null),
            "person.employer.headquarters" => new PersonFactText(TextKind.Country, "employer headquarters", "employer.headquarters",
                static p => p.Employer?.Headquarters?.Value),
            "person.employer.majorityOwnerHeadquarters" => new PersonFactText(TextKind.Country, "employer's majority owner headquarters",
                "employer.majorityOwnerHeadquarters", static p => p.Employer?.MajorityOwnerHeadquarters?.Value),
            _ => throw new BindFailure(offset,
                $"unknown person fact '{id}' (known: person.usPerson, person.employer.headquarters, person.employer.majorityOwnerHeadquarters)"),
        };
    }

    private Condition BindAnyPerson(Call call, IReadOnlyDictionary<string, NumberNode>? arguments)
    {
        if (call.Arguments is not [{ Name.Length: 0, Value: var test }])
        {
            throw new BindFailure(call.Offset, "anyPerson takes one condition: anyPerson(person.usPerson == yes)");
        }
        if (_personScope)
        {
            throw new BindFailure(call.Offset, "anyPerson(...) cannot be used inside another anyPerson(...)");
        }
        _personScope = true;
        try
        {
            return new AnyPersonCondition(AsCondition(Bind(test, arguments), test));
        }
        finally
        {
            _personScope = false;
        }
    }

    private static string? UsPersonnel(Facts facts)
    {
        var people = facts.Transaction.Personnel;
        if (people.IsDefaultOrEmpty)
        {
            return null;
        }
        if (people.Any(p => p.UsPerson == true))
        {
            return "yes";
        }
        return people.All(p => p.UsPerson == false) ? "no" : "unknown";
    }

    private FormulaNumber BindFormula(Call call, IReadOnlyDictionary<string, NumberNode>? outer)
    {
        if (!formulas.TryGetValue(call.Function, out var formula))
        {
            throw new BindFailure(call.Offset, $"unknown formula '{call.Function}'");
        }
        var given = call.Arguments.ToDictionary(a => a.Name, a => a, StringComparer.Ordinal);
        foreach (var (name, value) in call.Arguments)
        {
            if (!formula.Arguments.Contains(name))
            {
                throw new BindFailure(value.Offset, $"formula '{formula.Id}' has no argument '{name}' (arguments: {string.Join(", ", formula.Arguments)})");
            }
        }
        var arguments = new Dictionary<string, NumberNode>(StringComparer.Ordinal);
        foreach (var name in formula.Arguments)
        {
            if (!given.TryGetValue(name, out var argument))
            {
                throw new BindFailure(call.Offset, $"formula '{formula.Id}' needs argument '{name}' (write {formula.Id}({name} = ...))");
            }
            var value = AsNumber(Bind(argument.Value, outer), argument.Value.Offset);
            arguments[name] = new ArgumentNumber(name, value);
        }
        if (++_formulaDepth > 8)
        {
            throw new BindFailure(call.Offset, $"formula '{formula.Id}' refers to itself");
        }
        try
        {
            var body = AsNumber(Bind(Parse(formula.Expression.Text), arguments), call.Offset);
            var unit = UnitTable.Find(formula.Unit) ?? UnitTable.One;
            if (body.Dimension != unit.Dimension)
            {
                throw new BindFailure(call.Offset, $"formula '{formula.Id}' computes {body.Dimension} with these arguments, but declares unit '{formula.Unit}'");
            }
            var givenAs = formula.GivenAs is null ? null : parameters.Find(formula.GivenAs);
            var key = arguments.Values.All(a => a is ArgumentNumber { Value: ConstantNumber })
                ? $"{formula.Id}({string.Join(",", arguments.Select(a => $"{a.Key}={((ConstantNumber)((ArgumentNumber)a.Value).Value).Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))})"
                : null;
            return new FormulaNumber(formula.Label, unit, body, givenAs, key);
        }
        finally
        {
            _formulaDepth--;
        }
    }

    private NumberNode BindArithmetic(Arithmetic a, IReadOnlyDictionary<string, NumberNode>? arguments)
    {
        var left = AsNumber(Bind(a.Left, arguments), a.Left.Offset);
        var right = AsNumber(Bind(a.Right, arguments), a.Right.Offset);
        Dimension dimension;
        switch (a.Operator)
        {
            case '+' or '-':
                if (left.Dimension != right.Dimension)
                {
                    throw new BindFailure(a.Offset, $"cannot add or subtract {left.Dimension} and {right.Dimension}");
                }
                dimension = left.Dimension;
                break;
            case '*':
                dimension = left.Dimension.Times(right.Dimension);
                break;
            default:
                dimension = left.Dimension.Over(right.Dimension);
                break;
        }
        return new ArithmeticNumber(a.Operator, left, right, dimension);
    }

    private Condition BindComparison(Comparison c, IReadOnlyDictionary<string, NumberNode>? arguments)
    {
        var left = Bind(c.Left, arguments);
        var right = Bind(c.Right, arguments);
        if (left is NumberValue l && right is NumberValue r)
        {
            if (l.Node.Dimension != r.Node.Dimension)
            {
                var hint = r.Node is ConstantNumber && r.Node.Dimension == Dimension.None || l.Node is ConstantNumber && l.Node.Dimension == Dimension.None
                    ? " (write the unit, e.g. 193 nm)" : "";
                throw new BindFailure(c.Offset, $"units do not fit: {l.Node.Dimension} compared with {r.Node.Dimension}{hint}");
            }
            return new NumberComparison(c.Operator, l.Node, r.Node);
        }
        if (left is BareWord lw && right is not TextValue)
        {
            throw Unknown(lw);
        }
        if (right is BareWord rw && left is not TextValue)
        {
            throw Unknown(rw);
        }
        if (c.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            throw new BindFailure(c.Offset, $"'{c.Operator.Symbol()}' compares numbers; words and codes take == or !=");
        }
        var equal = c.Operator == ComparisonOperator.Equal;
        return (left, right) switch
        {
            (TextValue lt, TextValue rt) => new TextComparison(equal, lt.Node, rt.Node),
            (TextValue lt, BareWord w) => new TextComparison(equal, lt.Node, Word(lt.Node.Kind, w)),
            (BareWord w, TextValue rt) => new TextComparison(equal, Word(rt.Node.Kind, w), rt.Node),
            (BareWord w, _) => throw Unknown(w),
            (_, BareWord w) => throw Unknown(w),
            _ => throw new BindFailure(c.Offset, "cannot compare a number with a word"),
        };
    }

    private Condition BindBuiltIn(Call call)
    {
        var positional = call.Arguments.Where(a => a.Name.Length == 0).Select(a => a.Value).ToList();
        var named = call.Arguments.Where(a => a.Name.Length > 0).ToList();
        // designedFor(EU, [entries]) asks classified(EU, [entries]) of the item's parent. It is allowed in control
        // entries (software "specially designed for" listed equipment): the parent is another item, so an entry
        // never depends on its own answer for the same item.
        var designedFor = call.Function == "designedFor";
        if (designedFor && (positional.Count != 2 || named.Count > 0 || positional[0] is not Name { Identifier: not ("from" or "to" or "origin") }))
        {
            throw new BindFailure(call.Offset, "designedFor takes a jurisdiction and entries: designedFor(EU, [3B501.f.1, 3B501.k])");
        }
        if (call.Function == "classified" || designedFor)
        {
            if (!AllowListReferences && !designedFor)
            {
                throw new BindFailure(call.Offset, "classified(...) cannot be used inside a control entry");
            }
            if (positional.Count is not (1 or 2) || named.Count > 0 || positional.Count == 2 && positional[1] is not (TextLiteral or Name or SetLiteral))
            {
                throw new BindFailure(call.Offset, "classified takes a jurisdiction and optionally entries: classified(NL), classified(from), classified(US, 3B993.f.1), classified(US, [3B001.c, 3B001.d])");
            }
            var jurisdiction = positional[0] switch
            {
                Name { Identifier: "from" or "to" or "origin" } fact => Fact(fact.Identifier)!,
                Name code when directory.Knows(code.Identifier) => new WordText(code.Identifier),
                Name code => throw new BindFailure(code.Offset, $"unknown jurisdiction '{code.Identifier}' (no pack of that jurisdiction)"),
                var other => throw new BindFailure(other.Offset, "classified takes a jurisdiction code or from / to / origin"),
            };
            IReadOnlyList<string>? entries = positional.Count < 2 ? null : positional[1] switch
            {
                TextLiteral t => [t.Value],
                Name n => [n.Identifier],
                SetLiteral entryList => entryList.Elements.Select(e => e switch
                {
                    Name n => n.Identifier,
                    TextLiteral t => t.Value,
                    _ => throw new BindFailure(e.Offset, "entries are paragraph ids such as 3B001.c"),
                }).ToList(),
                _ => null,
            };
            var key = $"{((Name)positional[0]).Identifier}|{(entries is null ? "" : string.Join(",", entries))}";
            if (!_classifiedSlots.TryGetValue(key, out var slot))
            {
                _classifiedSlots[key] = slot = _classifiedSlots.Count;
            }
            var classified = new ClassifiedCondition(jurisdiction, entries, directory, slot);
            return designedFor ? new DesignedForCondition(classified, $"{((Name)positional[0]).Identifier} {string.Join(" / ", entries!)}") : classified;
        }
        if (call.Function == "ownedBy")
        {
            return BindOwnedBy(call, positional, named);
        }
        if (positional is not [Name list] || list.Identifier.Contains('.', StringComparison.Ordinal))
        {
            throw new BindFailure(call.Offset, "listed takes a list id: listed(EL) or listed(EL, footnote = 5)");
        }
        int? footnote = null;
        foreach (var (name, value) in named)
        {
            if (name != "footnote" || value is not NumberLiteral { Unit: null } n || n.Value != decimal.Truncate(n.Value))
            {
                throw new BindFailure(value.Offset, "listed takes only 'footnote = N' besides the list id");
            }
            footnote = (int)n.Value;
        }
        ListsReferenced.Add(list.Identifier);
        return new ListedCondition(list.Identifier, footnote);
    }

    // ownedBy(EL), ownedBy(EL, footnote = 5): a party owned 50 % or more by parties on that list under the BIS Affiliates
    // rule; ownedBy(SDN, regime = ofac) under OFAC's 50 % rule. Not a list reference of its own: a direct match on a list
    // is decided by listed(...) rules, or left to a reviewer.
    private static Condition BindOwnedBy(Call call, List<Expr> positional, List<(string Name, Expr Value)> named)
    {
        const string usage = "ownedBy takes a list id: ownedBy(EL), ownedBy(EL, footnote = 5), ownedBy(SDN, regime = ofac)";
        if (positional is not [Name list] || list.Identifier.Contains('.', StringComparison.Ordinal))
        {
            throw new BindFailure(call.Offset, usage);
        }
        int? footnote = null;
        var regime = Ownership.OwnershipRegime.BisAffiliates;
        foreach (var (name, value) in named)
        {
            if (name == "footnote" && value is NumberLiteral { Unit: null } n && n.Value == decimal.Truncate(n.Value))
            {
                footnote = (int)n.Value;
            }
            else if (name == "regime" && value is Name { Identifier: "bis" or "ofac" } r)
            {
                regime = r.Identifier == "ofac" ? Ownership.OwnershipRegime.Ofac50 : Ownership.OwnershipRegime.BisAffiliates;
            }
            else
            {
                throw new BindFailure(value.Offset, usage + " (regime is bis or ofac)");
            }
        }
        if (!regime.Lists.Contains(list.Identifier))
        {
            throw new BindFailure(list.Offset, $"the {regime.Title} does not pass on {list.Identifier} listings (it passes on {string.Join(", ", regime.Lists.Order())})");
        }
        return new OwnedByCondition(list.Identifier, footnote, regime);
    }

    private static Condition BindIncludes(Includes includes)
    {
        if (includes.Collection is not Name { Identifier: "item.usTechnologyInputs" })
        {
            throw new BindFailure(includes.Offset, "'includes' tests a list-valued fact: item.usTechnologyInputs");
        }
        if (includes.Set is not SetLiteral list)
        {
            throw new BindFailure(includes.Set.Offset, "'includes' takes a list: includes [3D992, 3E992]");
        }
        var words = list.Elements.Select(e => e switch
        {
            Name n => n.Identifier,
            TextLiteral t => t.Value,
            _ => throw new BindFailure(e.Offset, "list entries are words or codes"),
        }).ToFrozenSet(StringComparer.Ordinal);
        return new IncludesCondition("US technology and software inputs", "item.usTechnologyInputs",
            f => f.Transaction.Item.UsTechnologyInputs is { IsDefault: false } inputs ? inputs : null,
            words, "[" + string.Join(", ", words.Order(StringComparer.Ordinal)) + "]");
    }

    private Condition BindMembership(Membership m, IReadOnlyDictionary<string, NumberNode>? arguments)
    {
        var element = Bind(m.Element, arguments) switch
        {
            TextValue t => t.Node,
            BareWord w => throw Unknown(w),
            _ => throw new BindFailure(m.Element.Offset, "'in' tests a word or a country code, not a number or a condition"),
        };
        switch (m.Set)
        {
            case SetLiteral list:
                var words = list.Elements.Select(e => e switch
                {
                    Name n => Word(element.Kind, new BareWord(n.Identifier, n.Offset)).Evaluate(null!)!,
                    TextLiteral t => t.Value,
                    _ => throw new BindFailure(e.Offset, "list entries are words or codes"),
                }).ToFrozenSet(StringComparer.Ordinal);
                return new SetMembership(element, words, "[" + string.Join(", ", words.Order(StringComparer.Ordinal)) + "]", m.Negated);
            case Name groupName:
                if (!groups.TryGetValue(groupName.Identifier, out var group))
                {
                    throw new BindFailure(groupName.Offset, $"unknown group '{groupName.Identifier}'");
                }
                if (element.Kind != TextKind.Country)
                {
                    throw new BindFailure(m.Offset, $"group '{groupName.Identifier}' holds countries; test a country fact (from, to, origin) against it");
                }
                return new GroupMembership(element, group, m.Negated);
            default:
                throw new BindFailure(m.Set.Offset, "expected a list or a group after 'in'");
        }
    }

    private static WordText Word(TextKind kind, BareWord word)
    {
        switch (kind)
        {
            case TextKind.Country when !CountryCode.TryParse(word.Word, out _):
                throw new BindFailure(word.Offset, $"unknown country code '{word.Word}' (ISO 3166-1 alpha-2 expected)");
            case TextKind.Knowledge when !KnowledgeNames.TryParse(word.Word, out _):
                throw new BindFailure(word.Offset, $"a knowledge fact is yes, no or unknown, not '{word.Word}'");
            case TextKind.Activity when !ActivityNames.TryParse(word.Word, out _):
                throw new BindFailure(word.Offset, $"unknown activity '{word.Word}' (known: {string.Join(", ", ActivityNames.All)})");
        }
        return new WordText(word.Word);
    }

    private static BindFailure Unknown(BareWord word) =>
        new(word.Offset, $"unknown name '{word.Word}': not a parameter, fact, formula or group");

    private static NumberNode AsNumber(Bound bound, int offset) => bound switch
    {
        NumberValue n => n.Node,
        BareWord w => throw Unknown(w),
        _ => throw new BindFailure(offset, "expected a number here"),
    };

    private static Condition AsCondition(Bound bound, Expr expr) => bound switch
    {
        BoolValue b => b.Condition,
        BareWord w => throw Unknown(w),
        _ => throw new BindFailure(expr.Offset, "expected a condition (a comparison, 'in', and/or/not) here"),
    };

    private sealed class BindFailure(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
