using System.Runtime.InteropServices;

namespace Reticle.Screening.Matching;

/// <summary>
/// Reads what <see cref="IndexFileWriter"/> wrote: each array straight into its own memory, no bigger than what is left
/// of the stream (a damaged length cannot ask for gigabytes), hashing as it goes; <see cref="Verify"/> then tells whether
/// the digest at the end matches. Throws <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> on
/// bytes that are not such a file.
/// </summary>
internal sealed class IndexFileReader(Stream stream)
{
    private readonly IndexChecksum _hash = new();

    public int Int()
    {
        var value = 0;
        Bytes(MemoryMarshal.AsBytes(new Span<int>(ref value)));
        return value;
    }

    public string Text()
    {
        var chars = Array<char>();
        return new string(chars);
    }

    public T[] Array<T>() where T : unmanaged
    {
        var count = Int();
        var size = (long)count * Marshal.SizeOf<T>();
        if (count < 0 || (stream.CanSeek ? size > stream.Length - stream.Position : size > int.MaxValue))
        {
            throw new InvalidDataException("an array is longer than what is left of the file");
        }
        var values = GC.AllocateUninitializedArray<T>(count);
        Bytes(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public StringList Strings() => new(Array<char>(), Array<int>());

    public StringKeys Keys() => new(Strings(), Array<int>());

    public IntGroups Groups() => new(Array<int>(), Array<int>());

    public KeyedGroups KeyedGroups() => new(Keys(), Groups());

    /// <summary>Whether the digest that ends the file is that of everything read, and nothing follows it.</summary>
    public bool Verify()
    {
        Span<byte> expected = stackalloc byte[IndexChecksum.Size];
        stream.ReadExactly(expected);
        Span<byte> actual = stackalloc byte[IndexChecksum.Size];
        _hash.Write(actual);
        return expected.SequenceEqual(actual) && (!stream.CanSeek || stream.Position == stream.Length);
    }

    private void Bytes(Span<byte> bytes)
    {
        stream.ReadExactly(bytes);
        _hash.Append(bytes);
    }
}
