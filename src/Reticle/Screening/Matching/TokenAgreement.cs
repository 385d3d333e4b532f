namespace Reticle.Screening.Matching;

/// <summary>Why two tokens were taken for the same word: the explanation names it.</summary>
public enum TokenAgreement
{
    None,
    Exact,
    /// <summary>A few typing slips apart (edit distance).</summary>
    Spelling,
    /// <summary>Spelt differently but pronounced alike ("Mohamed"/"Muhammad").</summary>
    Sound,
    /// <summary>Same consonants, for a transliteration without vowels ("mhmd"/"Mohamed").</summary>
    Consonants,
    /// <summary>An initial and a word that starts with it.</summary>
    Initial,
}
