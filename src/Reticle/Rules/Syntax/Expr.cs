namespace Reticle.Rules.Syntax;

/// <summary>
/// The syntax tree of a rule-pack condition or formula, exactly as written. Binding
/// (<see cref="Compilation.ConditionCompiler"/>) resolves names and units and turns it into compiled nodes;
/// nothing here is ever evaluated as C#.
/// </summary>
/// <param name="Offset">Character offset of the node in the source text, for error positions.</param>
public abstract record Expr(int Offset);

public sealed record NumberLiteral(decimal Value, string? Unit, string Text, int Offset) : Expr(Offset);

public sealed record TextLiteral(string Value, int Offset) : Expr(Offset);

/// <summary>A name: an item parameter, a fact (<c>to</c>, <c>endUse.advancedNodeFacility</c>), a group, or a bare word.</summary>
public sealed record Name(string Identifier, int Offset) : Expr(Offset);

/// <summary>A call: a formula with named arguments (<c>mrf(K = 0.25)</c>) or a built-in with positional ones (<c>classified(EU)</c>); positional arguments have an empty name.</summary>
public sealed record Call(string Function, IReadOnlyList<(string Name, Expr Value)> Arguments, int Offset) : Expr(Offset);

public sealed record Arithmetic(char Operator, Expr Left, Expr Right, int Offset) : Expr(Offset);

public sealed record Negate(Expr Operand, int Offset) : Expr(Offset);

public sealed record Comparison(ComparisonOperator Operator, Expr Left, Expr Right, int Offset) : Expr(Offset);

/// <summary><c>x in [A, B]</c>, <c>x in some.group</c>, or with <c>not in</c>.</summary>
public sealed record Membership(Expr Element, Expr Set, bool Negated, int Offset) : Expr(Offset);

/// <summary><c>item.usTechnologyInputs includes [3D992, 3E992]</c>: a list-valued fact holds any of the listed words.</summary>
public sealed record Includes(Expr Collection, Expr Set, int Offset) : Expr(Offset);

public sealed record SetLiteral(IReadOnlyList<Expr> Elements, int Offset) : Expr(Offset);

public sealed record AllOf(IReadOnlyList<Expr> Operands, int Offset) : Expr(Offset);

public sealed record AnyOf(IReadOnlyList<Expr> Operands, int Offset) : Expr(Offset);

public sealed record NotExpr(Expr Operand, int Offset) : Expr(Offset);

public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

public static class ComparisonOperatorText
{
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Equal => "==",
        _ => "!=",
    };

    public static bool Holds(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Less => comparison < 0,
        ComparisonOperator.LessOrEqual => comparison <= 0,
        ComparisonOperator.Greater => comparison > 0,
        ComparisonOperator.GreaterOrEqual => comparison >= 0,
        ComparisonOperator.Equal => comparison == 0,
        _ => comparison != 0,
    };
}
