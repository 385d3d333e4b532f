namespace Reticle.Input;

/// <summary>
/// The known name a misspelt one most likely meant ("orgin" → "origin"), so that a rejection says what to write
/// instead. Distance is optimal string alignment (a swap of two neighbours counts as one edit), case-insensitive.
/// </summary>
public static class NearestName
{
    /// <summary>Names longer than this are not compared: a suggestion for a 10,000-character key helps nobody.</summary>
    private const int MaxLength = 64;

    /// <returns>The closest known name within a third of its length (at least one edit), or null when none is close.</returns>
    public static string? Find(string given, IEnumerable<string> known)
    {
        if (given.Length > MaxLength)
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known.Order(StringComparer.Ordinal))
        {
            if (name.Length > MaxLength)
            {
                continue;
            }
            var limit = Math.Max(1, Math.Max(given.Length, name.Length) / 3);
            var distance = Distance(given, name);
            if (distance <= limit && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>"unknown field; did you mean 'origin'?" or "unknown field (known: …)".</summary>
    public static string UnknownMessage(string what, string given, IReadOnlyCollection<string> known) =>
        Find(given, known) is { } nearest
            ? $"unknown {what}; did you mean '{nearest}'?"
            : known.Count == 0
                ? $"unknown {what}"
                : $"unknown {what} (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})";

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2])
                    && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
