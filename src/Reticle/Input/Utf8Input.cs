using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Reticle.Input;

/// <summary>
/// Input bytes as text. Invalid UTF-8 is refused naming the byte offset where it starts: a decoder that replaces it
/// with U+FFFD would decide on, and store, a name other than the one the user gave.
/// </summary>
public static class Utf8Input
{
    /// <returns>The text (a leading byte-order mark dropped), or null with the offset in <paramref name="errors"/>.</returns>
    public static string? Decode(string where, ReadOnlySpan<byte> bytes, List<InputError> errors)
    {
        var start = bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var content = bytes[start..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, content.Length));
        try
        {
            var status = Utf8.ToUtf16(content, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                errors.Add(new InputError(where, $"invalid UTF-8 at byte offset {start + read:N0}; the input must be UTF-8 text"));
                return null;
            }
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
