using Reticle.Input;

namespace Reticle.Tests.Input;

public sealed class StrictJsonTests
{
    private static List<InputError> Errors(string text)
    {
        var errors = new List<InputError>();
        StrictJson.Parse("body", text, 64, errors);
        return errors;
    }

    [Fact]
    public void Valid_JSON_passes() => Errors("""{"a": [1, {"b": "x"}], "c": {"a": 2}}""").ShouldBeEmpty();

    [Fact]
    public void The_same_key_in_different_objects_is_not_a_duplicate() => Errors("""[{"a": 1}, {"a": 2}]""").ShouldBeEmpty();

    [Fact]
    public void A_duplicate_key_is_named_by_its_path_however_deep() =>
        Errors("""{"a": [1, {"b": {"c": 1, "c": 2}}]}""").ShouldHaveSingleItem().Where.ShouldBe("body.a[1].b.c");

    [Fact]
    public void Each_duplicate_is_reported() =>
        Errors("""{"a": 1, "a": 2, "a": 3, "b": 1, "b": 1}""").Select(e => e.Where).ShouldBe(["body.a", "body.a", "body.b"]);

    [Fact]
    public void Keys_that_differ_only_in_case_are_different_keys() => Errors("""{"name": 1, "Name": 2}""").ShouldBeEmpty();

    [Fact]
    public void A_lone_surrogate_and_a_NUL_are_named() =>
        Errors("""{"a": "\ud800", "b": ["\u0000"], "c": "\ud83d\ude00"}""").Select(e => e.Where).ShouldBe(["body.a", "body.b[0]"]);

    [Fact]
    public void A_key_written_with_an_escape_is_the_same_key_as_written_plainly() =>
        Errors("""{"id": "SO-1", "\u0069d": "SO-2", "x": {"\u0061": 1, "a": 2}}""").Select(e => e.Where).ShouldBe(["body.id", "body.x.a"]);

    [Fact]
    public void Text_in_any_script_passes_and_escaped_text_is_still_checked_where_it_lies() =>
        Errors("""{"name": "华为技术有限公司", "parties": [{"name": "Škoda"}, {"name": "a\u0000b"}], "tab": "a\tb"}""").Select(e => e.Where)
            .ShouldBe(["body.parties[1].name"]);

    [Fact]
    public void A_NUL_in_a_key_is_named_with_the_NUL_written_out() =>
        Errors("""{"a\u0000b": 1}""").ShouldHaveSingleItem().Where.ShouldBe("body.a\\u0000b");

    [Fact]
    public void Malformed_JSON_names_line_and_column() => Errors("{\n\"a\": }").ShouldHaveSingleItem().Where.ShouldBe("body:2:6");

    [Fact]
    public void Nesting_beyond_the_limit_is_malformed_not_a_crash() =>
        Errors(new string('[', 10_000) + new string(']', 10_000)).ShouldHaveSingleItem().Message.ShouldStartWith("malformed JSON");
}
