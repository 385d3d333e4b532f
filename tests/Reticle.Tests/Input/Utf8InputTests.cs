using System.Text;
using Reticle.Input;

namespace Reticle.Tests.Input;

public sealed class Utf8InputTests
{
    private static (string? Text, List<InputError> Errors) Decode(byte[] bytes)
    {
        var errors = new List<InputError>();
        return (Utf8Input.Decode("in.json", bytes, errors), errors);
    }

    [Fact]
    public void Valid_UTF8_is_decoded_and_a_byte_order_mark_dropped()
    {
        Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("{\"name\": \"Škoda 习近平\"}")]).Text.ShouldBe("{\"name\": \"Škoda 习近平\"}");
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x7D }, 2)]
    [InlineData(new byte[] { 0x22, 0x41, 0xC3 }, 2)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x22, 0xED, 0xA0, 0x80, 0x22 }, 4)]
    public void Invalid_UTF8_is_rejected_naming_the_byte_offset(byte[] bytes, int offset)
    {
        var (text, errors) = Decode(bytes);
        text.ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.Where.ShouldBe("in.json");
        error.Message.ShouldBe($"invalid UTF-8 at byte offset {offset}; the input must be UTF-8 text");
    }
}
