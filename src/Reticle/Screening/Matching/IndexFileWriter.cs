using System.Runtime.InteropServices;

namespace Reticle.Screening.Matching;

/// <summary>
/// Writes a persisted index: numbers and whole arrays as their bytes (little-endian, as the machine holds them), and
/// at the end the checksum (<see cref="IndexChecksum"/>) of everything before it, so that a reader can tell a damaged file from a good one.
/// </summary>
internal sealed class IndexFileWriter(Stream stream)
{
    private readonly IndexChecksum _hash = new();

    public void Int(int value) => Bytes(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(ref value)));

    public void Text(string value)
    {
        Int(value.Length);
        Bytes(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    public void Array<T>(T[] values) where T : unmanaged
    {
        Int(values.Length);
        Bytes(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public void Strings(StringList strings)
    {
        Array(strings.Chars);
        Array(strings.Starts);
    }

    public void Keys(StringKeys keys)
    {
        Strings(keys.Keys);
        Array(keys.Slots);
    }

    public void Groups(IntGroups groups)
    {
        Array(groups.Values);
        Array(groups.Starts);
    }

    public void Groups(KeyedGroups groups)
    {
        Keys(groups.Keys);
        Groups(groups.Groups);
    }

    /// <summary>Ends the file with the digest of what was written.</summary>
    public void Finish()
    {
        Span<byte> checksum = stackalloc byte[IndexChecksum.Size];
        _hash.Write(checksum);
        stream.Write(checksum);
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        stream.Write(bytes);
    }
}
