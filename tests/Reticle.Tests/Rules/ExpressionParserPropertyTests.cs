using FsCheck;
using FsCheck.Xunit;
using Reticle.Rules.Syntax;

namespace Reticle.Tests.Rules;

/// <summary>Fuzzing the condition parser: whatever the text, it parses or says where and why, and never throws.</summary>
public sealed class ExpressionParserPropertyTests
{
    private static readonly string[] Pieces =
        ["wavelengthNm", "endUse.advancedNodeFacility", "to", "in", "not", "and", "or", "includes", "==", "!=", "<", "<=", ">", ">=",
         "(", ")", "[", "]", ",", "+", "-", "*", "/", "%", "193", "1.35", "0.25", ".5", "1.2.3", "nm", "µm", "193nm", "3B001.f.1",
         "'open", "'text'", "\"x\"", "mrf", "K", "=", "CN", "eu.customs-territory", "us:d5", ";", "@", "\t", "99999999999999999999999999999999"];

    private static void ParsesOrSaysWhere(string text)
    {
        var expr = ExpressionParser.TryParse(text, out var error);
        if (expr is null)
        {
            error.ShouldNotBeNull(text);
            error.Offset.ShouldBeInRange(0, text.Length, text);
            error.Message.ShouldNotBeNullOrWhiteSpace(text);
        }
        else
        {
            error.ShouldBeNull(text);
        }
    }

    [Property(MaxTest = 1000)]
    public void Token_soup_parses_or_names_an_offset(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var text = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 20)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        ParsesOrSaysWhere(text);
    }

    [Property(MaxTest = 300)]
    public void Any_text_parses_or_names_an_offset(NonNull<string> text) => ParsesOrSaysWhere(text.Get);

    [Fact]
    public void Token_soup_is_sometimes_valid()
    {
        // Guards the fuzzing itself: some generated conditions must get past the parser.
        Enumerable.Range(1, 2000).Count(seed =>
        {
            var random = new Random(seed);
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            return ExpressionParser.TryParse(text, out _) is not null;
        }).ShouldBeGreaterThan(10);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("- ", "")]
    [InlineData("f(", ")")]
    public void Nesting_beyond_the_limit_is_an_error_not_a_stack_overflow(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 1_000)) + "a == 1" + string.Concat(Enumerable.Repeat(close, 1_000));
        ExpressionParser.TryParse(text, out var error).ShouldBeNull();
        error!.Message.ShouldBe($"nested more than {ExpressionParser.MaxNesting} levels deep");
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        var text = new string('(', ExpressionParser.MaxNesting) + "a == 1" + new string(')', ExpressionParser.MaxNesting);
        ExpressionParser.TryParse(text, out var error).ShouldNotBeNull(error?.Message);
    }

    [Fact]
    public void A_number_too_large_for_a_decimal_is_an_error()
    {
        ExpressionParser.TryParse("a <= 99999999999999999999999999999999 nm", out var error).ShouldBeNull();
        error.ShouldBe(new SyntaxError(5, "number '99999999999999999999999999999999' is too large"));
    }

    [Fact]
    public void A_condition_beyond_the_token_limit_is_an_error()
    {
        var text = "a == 1" + string.Concat(Enumerable.Repeat(" + 1", ExpressionParser.MaxTokens));
        ExpressionParser.TryParse(text, out var error).ShouldBeNull();
        error!.Message.ShouldStartWith("a condition of more than");
    }
}
