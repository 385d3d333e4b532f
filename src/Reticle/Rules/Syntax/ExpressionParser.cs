using System.Globalization;

namespace Reticle.Rules.Syntax;

/// <summary>
/// Parses the rule-pack condition language (docs/rule-packs.md): comparisons with units, arithmetic,
/// <c>and</c> / <c>or</c> / <c>not</c>, membership in lists and groups, formula calls with named
/// arguments. A small hand-written recursive-descent parser: the language is closed and tiny, and
/// precise error offsets matter more than generality.
/// </summary>
public sealed class ExpressionParser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _position;

    private ExpressionParser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static Expr? TryParse(string text, out SyntaxError? error)
    {
        try
        {
            var parser = new ExpressionParser(text, Tokenize(text));
            var expr = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw new ParseFailure(parser.Current.Offset, $"unexpected '{parser.Current.Text}'");
            }
            error = null;
            return expr;
        }
        catch (ParseFailure failure)
        {
            error = new SyntaxError(failure.Offset, failure.Message);
            return null;
        }
    }

    /// <summary>
    /// How deeply parentheses, <c>not</c> and unary minus may nest. The parser recurses once per level, and a stack
    /// overflow ends the process rather than reporting an error: a pack of "((((…" must be refused, not crash it.
    /// </summary>
    public const int MaxNesting = 100;

    /// <summary>The most words, numbers and symbols one condition may have.</summary>
    public const int MaxTokens = 5_000;

    private int _nesting;

    // One level deeper for the duration of the parse it wraps.
    private Expr Nested(int offset, Func<Expr> parse)
    {
        if (++_nesting > MaxNesting)
        {
            throw new ParseFailure(offset, $"nested more than {MaxNesting} levels deep");
        }
        var expr = parse();
        _nesting--;
        return expr;
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private bool AcceptWord(string word)
    {
        if (Current.Kind == TokenKind.Word && Current.Text == word)
        {
            _position++;
            return true;
        }
        return false;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (Current.Kind == TokenKind.Symbol && Current.Text == symbol)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw new ParseFailure(Current.Offset, $"expected '{symbol}' but found {Describe(Current)}");
        }
    }

    private Expr ParseOr()
    {
        var start = Current.Offset;
        var operands = new List<Expr> { ParseAnd() };
        while (AcceptWord("or"))
        {
            operands.Add(ParseAnd());
        }
        return operands.Count == 1 ? operands[0] : new AnyOf(operands, start);
    }

    private Expr ParseAnd()
    {
        var start = Current.Offset;
        var operands = new List<Expr> { ParseNot() };
        while (AcceptWord("and"))
        {
            operands.Add(ParseNot());
        }
        return operands.Count == 1 ? operands[0] : new AllOf(operands, start);
    }

    private Expr ParseNot()
    {
        var start = Current.Offset;
        if (Current.Kind == TokenKind.Word && Current.Text == "not" && !IsWord(1, "in"))
        {
            _position++;
            return new NotExpr(Nested(start, ParseNot), start);
        }
        return ParseRelation();
    }

    private bool IsWord(int lookahead, string word) =>
        _position + lookahead < _tokens.Count && _tokens[_position + lookahead] is { Kind: TokenKind.Word } t && t.Text == word;

    private Expr ParseRelation()
    {
        var left = ParseSum();
        var at = Current.Offset;
        if (Current.Kind == TokenKind.Symbol && ComparisonOf(Current.Text) is { } op)
        {
            _position++;
            return new Comparison(op, left, ParseSum(), at);
        }
        if (AcceptWord("in"))
        {
            return new Membership(left, ParseSet(), Negated: false, at);
        }
        if (AcceptWord("includes"))
        {
            return new Includes(left, ParseSet(), at);
        }
        if (Current.Kind == TokenKind.Word && Current.Text == "not" && IsWord(1, "in"))
        {
            _position += 2;
            return new Membership(left, ParseSet(), Negated: true, at);
        }
        return left;
    }

    private Expr ParseSet()
    {
        var start = Current.Offset;
        if (AcceptSymbol("["))
        {
            var elements = new List<Expr>();
            if (!AcceptSymbol("]"))
            {
                do
                {
                    elements.Add(ParsePrimary());
                }
                while (AcceptSymbol(","));
                ExpectSymbol("]");
            }
            return new SetLiteral(elements, start);
        }
        if (Current.Kind == TokenKind.Word && !IsKeyword(Current.Text))
        {
            return new Name(Advance().Text, start);
        }
        throw new ParseFailure(Current.Offset, $"expected a list '[...]' or a group name after 'in' but found {Describe(Current)}");
    }

    private Expr ParseSum()
    {
        var left = ParseProduct();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "+" or "-")
        {
            var op = Advance();
            left = new Arithmetic(op.Text[0], left, ParseProduct(), op.Offset);
        }
        return left;
    }

    private Expr ParseProduct()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "*" or "/")
        {
            var op = Advance();
            left = new Arithmetic(op.Text[0], left, ParseUnary(), op.Offset);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        var start = Current.Offset;
        return AcceptSymbol("-") ? new Negate(Nested(start, ParseUnary), start) : ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _position++;
                if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    // Thirty digits and more do not fit a decimal: a reason, not an overflow exception.
                    throw new ParseFailure(token.Offset, $"number '{token.Text}' is too large");
                }
                string? unit = null;
                var text = token.Text;
                if (Current is { Kind: TokenKind.Word } u && Units.UnitTable.IsUnit(u.Text) || Current is { Kind: TokenKind.Symbol, Text: "%" })
                {
                    unit = Advance().Text;
                    text = $"{token.Text} {unit}";
                }
                return new NumberLiteral(value, unit, text, token.Offset);
            case TokenKind.Text:
                _position++;
                return new TextLiteral(token.Text, token.Offset);
            case TokenKind.Word when !IsKeyword(token.Text):
                _position++;
                if (AcceptSymbol("("))
                {
                    var arguments = new List<(string, Expr)>();
                    if (!AcceptSymbol(")"))
                    {
                        do
                        {
                            // Named (K = 0.25) or positional (classified(EU)); positional ones have an empty name.
                            // '=' reads as '==', so a dotted fact compared inside a call (anyPerson(person.usPerson == yes))
                            // is positional: argument names never contain a dot.
                            if (Current.Kind == TokenKind.Word && !Current.Text.Contains('.', StringComparison.Ordinal)
                                && _tokens[_position + 1] is { Kind: TokenKind.Symbol, Text: "==" })
                            {
                                var name = Advance().Text;
                                _position++;
                                arguments.Add((name, Nested(token.Offset, ParseSum)));
                            }
                            else
                            {
                                // A positional argument may be a whole condition: anyPerson(person.usPerson == yes and ...).
                                arguments.Add(("", Current is { Kind: TokenKind.Symbol, Text: "[" } ? ParseSet() : Nested(token.Offset, ParseOr)));
                            }
                        }
                        while (AcceptSymbol(","));
                        ExpectSymbol(")");
                    }
                    return new Call(token.Text, arguments, token.Offset);
                }
                return new Name(token.Text, token.Offset);
            case TokenKind.Symbol when token.Text == "(":
                _position++;
                var inner = Nested(token.Offset, ParseOr);
                ExpectSymbol(")");
                return inner;
            default:
                throw new ParseFailure(token.Offset, $"expected a value, a name or '(' but found {Describe(token)}");
        }
    }

    private static bool IsKeyword(string word) => word is "and" or "or" or "not" or "in" or "includes";

    private static ComparisonOperator? ComparisonOf(string symbol) => symbol switch
    {
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        "==" => ComparisonOperator.Equal,
        "!=" => ComparisonOperator.NotEqual,
        _ => null,
    };

    private static string Describe(Token token) => token.Kind == TokenKind.End ? "the end of the condition" : $"'{token.Text}'";

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (tokens.Count > MaxTokens)
            {
                // A chain of additions is parsed in a loop but builds a tree as deep as it is long, which the
                // compiler then walks recursively: a bound here keeps every later walk shallow.
                throw new ParseFailure(tokens[^1].Offset, $"a condition of more than {MaxTokens:N0} tokens; split it into named conditions");
            }
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                var number = text[start..i];
                // A unit written right after the number ("193nm") is taken as if spaced ("193 nm"); a code
                // that starts with digits (an ECCN such as 3D992 or 3B001.f.1) is a word.
                if (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    var unitStart = i;
                    while (i < text.Length && char.IsAsciiLetter(text[i]))
                    {
                        i++;
                    }
                    var unit = text[unitStart..i];
                    if (Units.UnitTable.IsUnit(unit) && (i >= text.Length || !char.IsLetterOrDigit(text[i]) && text[i] != '.'))
                    {
                        tokens.Add(new Token(TokenKind.Number, number, start));
                        tokens.Add(new Token(TokenKind.Word, unit, unitStart));
                        continue;
                    }
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '-' or '_'))
                    {
                        i++;
                    }
                    tokens.Add(new Token(TokenKind.Word, text[start..i], start));
                    continue;
                }
                if (number.Count(ch => ch == '.') > 1)
                {
                    throw new ParseFailure(start, $"malformed number '{number}'");
                }
                tokens.Add(new Token(TokenKind.Number, number, start));
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == 'µ')
            {
                // Names may contain dots (endUse.advancedNodeFacility), colons (us:d5) and inner hyphens
                // (eu.member-states); subtraction therefore needs spaces around the minus sign.
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or ':' or 'µ'
                    || (text[i] == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > start)))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
                continue;
            }
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new ParseFailure(start, "unterminated text literal");
                }
                tokens.Add(new Token(TokenKind.Text, text[(i + 1)..end], start));
                i = end + 1;
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : null;
            if (two is "<=" or ">=" or "==" or "!=")
            {
                tokens.Add(new Token(TokenKind.Symbol, two, start));
                i += 2;
                continue;
            }
            if ("<>=()[],+-*/%".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Symbol, c == '=' ? "==" : c.ToString(), start));
                i++;
                continue;
            }
            throw new ParseFailure(start, $"unexpected character '{c}'");
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private enum TokenKind
    {
        Number,
        Word,
        Text,
        Symbol,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, int Offset);

    private sealed class ParseFailure(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
