namespace Reticle.Screening.Matching;

/// <summary>The kind of script a token was written in, which changes how its transliteration compares.</summary>
public enum TokenScript
{
    /// <summary>Latin, or an alphabet that transliterates letter for letter (Cyrillic, Greek, Armenian…).</summary>
    Alphabetic,

    /// <summary>
    /// Arabic, Hebrew, Thai: short vowels are not written, so "محمد" gives "mhmd"; compared by consonants.
    /// </summary>
    Abjad,

    /// <summary>
    /// One Hangul syllable. Against another Hangul syllable only equality counts (see <see cref="Syllabic"/>); against
    /// a Latin word, Korean romanisations are many ("김" is Gim, Kim; "박" Bak, Pak, Park; "정" Jeong, Jong, Chong,
    /// Jung), so they are compared by a key that folds them.
    /// </summary>
    Hangul,

    /// <summary>
    /// One CJK ideograph or kana syllable: two different syllables are two different characters, however
    /// alike their romanisations ("jong"/"jeong", "ping"/"peng"), so such a token pairs only with its equal. Never a
    /// particle or initial: "bin" from "彬" is a given name, not Arabic "son of".
    /// </summary>
    Syllabic,
}
