namespace Reticle.Screening.Matching;

/// <summary>One normalised token of a name: lower-case ASCII letters and digits only.</summary>
/// <param name="Script">The script the token was transliterated from, which decides how it compares.</param>
public readonly record struct NameToken(string Text, TokenKind Kind, TokenScript Script = TokenScript.Alphabetic)
{
    /// <summary>The token's sound, coarsely: spellings of one spoken name share it.</summary>
    internal string Phonetic { get; } = Kind is TokenKind.Word ? SpellingKeys.Phonetic(Text) : Text;

    /// <summary>The token's consonants, for comparison with a transliteration that has no vowels.</summary>
    internal string Consonants { get; } = Kind is TokenKind.Word ? SpellingKeys.Consonants(Text) : Text;

    public bool FromAbjad => Script == TokenScript.Abjad;

    /// <summary>One syllable of an ideographic, kana or Hangul name.</summary>
    public bool IsSyllable => Script is TokenScript.Syllabic or TokenScript.Hangul;

    /// <summary>Whether the token says who the party is (words and numbers), as opposed to legal forms, particles and initials.</summary>
    public bool IsSignificant => Kind is TokenKind.Word or TokenKind.Number;

    public override string ToString() => Text;
}
