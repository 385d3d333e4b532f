using Reticle.Rules.Syntax;

namespace Reticle.Tests.Rules;

public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("wavelengthNm >= 193 nm")]
    [InlineData("wavelengthNm >= 193nm")]
    [InlineData("kind == lithography and (mrf(K = 0.25) <= 45 nm or wavelengthNm < 193 nm)")]
    [InlineData("to not in eu.customs-territory")]
    [InlineData("to in [CN, MO] and not endUse.advancedNodeFacility == no")]
    [InlineData("usControlledContentPercent > 25 %")]
    [InlineData("wavelengthNm * 0.25 / numericalAperture <= 45 nm")]
    public void Valid_conditions_parse(string text) =>
        ExpressionParser.TryParse(text, out var error).ShouldNotBeNull(error?.Message);

    [Theory]
    [InlineData("wavelengthNm >=", 15, "expected a value, a name or '(' but found the end of the condition")]
    [InlineData("to in", 5, "expected a list '[...]' or a group name after 'in' but found the end of the condition")]
    [InlineData("a == 1.2.3", 5, "malformed number '1.2.3'")]
    [InlineData("a >= 193 parsec", 9, "unexpected 'parsec'")]
    [InlineData("a == 'open", 5, "unterminated text literal")]
    [InlineData("(a == b", 7, "expected ')' but found the end of the condition")]
    [InlineData("a == b;", 6, "unexpected character ';'")]
    public void Malformed_conditions_report_offset_and_reason(string text, int offset, string message)
    {
        ExpressionParser.TryParse(text, out var error).ShouldBeNull();
        error.ShouldBe(new SyntaxError(offset, message));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var expr = ExpressionParser.TryParse("a == x or b == y and c == z", out _);
        var any = expr.ShouldBeOfType<AnyOf>();
        any.Operands[1].ShouldBeOfType<AllOf>();
    }
}
