namespace Reticle.Screening.Matching;

/// <summary>
/// How much a token says about who a party is, from how many listed names use it (inverse document frequency):
/// "huawei" is rare and weighs much, "trading" or "mohammed" are common and weigh less. A token no listed name
/// uses weighs most. Legal forms, particles and initials weigh little whatever their frequency.
/// </summary>
public sealed class TokenRarity
{
    public const double LegalFormWeight = 0.1;
    public const double ParticleWeight = 0.1;
    public const double InitialWeight = 0.3;

    /// <summary>The weight of the commonest word; rarer words rise to 1.</summary>
    public const double CommonWordWeight = 0.25;

    // The words counted and the weight of each, by position: flat, so that an index persists and loads them as blocks.
    private readonly StringKeys _words;
    private readonly double[] _weights;

    private TokenRarity(StringKeys words, double[] weights, int names)
    {
        _words = words;
        _weights = words.Count == weights.Length ? weights : throw new InvalidDataException("words and weights differ in number");
        Names = names;
    }

    /// <summary>No corpus: every word weighs 1 (names compared on their own, as in a two-name comparison).</summary>
    public static TokenRarity Uniform { get; } = new(StringKeys.Empty, [], 0);

    /// <summary>How many names the frequencies were counted over.</summary>
    public int Names { get; }

    /// <summary>Every word counted, as persisted with an index.</summary>
    internal StringKeys Words => _words;

    /// <summary>The weight of each of <see cref="Words"/>, as persisted with an index.</summary>
    internal double[] Weights => _weights;

    /// <summary>Weights as persisted by <see cref="Words"/> and <see cref="Weights"/>.</summary>
    internal static TokenRarity Of(StringKeys words, double[] weights, int names) => new(words, weights, names);

    /// <summary>Counts, for every word, the names that use it.</summary>
    public static TokenRarity From(IEnumerable<NormalizedName> names)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            count++;
            seen.Clear();
            foreach (var token in name.Tokens)
            {
                if (token.Kind == TokenKind.Word && seen.Add(token.Text))
                {
                    frequency[token.Text] = frequency.GetValueOrDefault(token.Text) + 1;
                }
            }
        }
        var scale = Math.Log(count + 1);
        var words = frequency.Keys.Order(StringComparer.Ordinal).ToList();
        var weights = words.Select(w => CommonWordWeight + (1 - CommonWordWeight) * Math.Clamp(Math.Log((count + 1.0) / frequency[w]) / scale, 0, 1)).ToArray();
        return new TokenRarity(StringKeys.Of(words), weights, count);
    }

    public double Weight(in NameToken token) => token.Kind switch
    {
        TokenKind.LegalForm => LegalFormWeight,
        TokenKind.Particle => ParticleWeight,
        TokenKind.Initial => InitialWeight,
        TokenKind.Number => 1,
        _ => WordWeight(token.Text),
    };

    public double WordWeight(string word) => _words.IndexOf(word) is >= 0 and var i ? _weights[i] : 1;
}
