namespace Reticle.Screening.Matching;

/// <summary>Groups of numbers under a text key (words by spelling key, names by compact form), as flat arrays.</summary>
internal sealed class KeyedGroups(StringKeys keys, IntGroups groups)
{
    public StringKeys Keys { get; } = keys.Count == groups.Count ? keys : throw new InvalidDataException("keys and groups differ in number");

    public IntGroups Groups { get; } = groups;

    public static KeyedGroups Of(IReadOnlyDictionary<string, List<int>> groups)
    {
        var keys = groups.Keys.Order(StringComparer.Ordinal).ToList();
        return new KeyedGroups(StringKeys.Of(keys), IntGroups.Of([.. keys.Select(k => (IReadOnlyCollection<int>)groups[k])]));
    }

    /// <summary>The group under <paramref name="key"/>; empty if there is none.</summary>
    public ReadOnlySpan<int> this[ReadOnlySpan<char> key] => Keys.IndexOf(key) is >= 0 and var g ? Groups[g] : [];

    public bool TryGetValue(ReadOnlySpan<char> key, out ReadOnlySpan<int> members)
    {
        var g = Keys.IndexOf(key);
        members = g >= 0 ? Groups[g] : [];
        return g >= 0;
    }
}
