using System.Text;
using System.Text.Unicode;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// The text of a delimited list file: UTF-8 (a byte-order mark is dropped), decoded strictly, because
/// a file in another encoding would otherwise import with silently replaced characters in names.
/// All the US and UN list files are UTF-8 (most plain ASCII).
/// </summary>
internal static class ListText
{
    public static string? Decode(ListFile file, List<InputError> errors) =>
        IsUtf8(file, errors) ? Encoding.UTF8.GetString(WithoutBom(file.Content)) : null;

    /// <summary>
    /// Whether the file is valid UTF-8, for formats parsed from bytes: System.Text.Json only checks the
    /// strings it decodes, and would fail on a bad name deep in the file with an exception, not a line.
    /// </summary>
    public static bool IsUtf8(ListFile file, List<InputError> errors)
    {
        var bytes = WithoutBom(file.Content);
        if (Utf8.IsValid(bytes))
        {
            return true;
        }
        Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        errors.Add(NotUtf8(file.Name, bytes, read));
        return false;
    }

    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    private static InputError NotUtf8(string file, ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new InputError(new SourcePosition(file, line, column).ToString(), $"not UTF-8 text (byte 0x{bytes[offset]:X2}); save the file as UTF-8");
    }
}
