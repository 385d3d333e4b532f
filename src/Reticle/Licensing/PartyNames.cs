using System.Runtime.CompilerServices;
using Reticle.Screening.Matching;

namespace Reticle.Licensing;

/// <summary>
/// Party names on a licence and on a transaction compared as screening normalises them: case, punctuation,
/// spacing, diacritics and legal-form spellings ("Co., Ltd." / "Company Limited") aside.
/// </summary>
internal static class PartyNames
{
    // Each name is folded once: the same licence parties are compared with every transaction looked
    // at. Keyed by the string instance, so the cache lives no longer than the names themselves.
    private static readonly ConditionalWeakTable<string, string> Folded = new();
    private static readonly ConditionalWeakTable<string, string>.CreateValueCallback FoldName = name => NameNormalizer.Normalize(name).Key;

    public static string Fold(string name) => Folded.GetValue(name, FoldName);

    public static bool Same(string a, string b) => ReferenceEquals(a, b) || Fold(a) == Fold(b);
}
