using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Reticle.Screening.Matching;

/// <summary>
/// Legal forms of companies in the spellings the lists use, each mapped to one canonical token so that
/// "Co., Ltd.", "Company Limited" and "有限公司" agree, and so that a legal form is recognised and weighed
/// lightly: "Huawei Technologies Co., Ltd." is Huawei Technologies whatever its legal form.
/// </summary>
internal static class LegalForms
{
    /// <summary>Single tokens (after dots are dropped: "L.L.C." is "llc") and their canonical form.</summary>
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["co"] = "co", ["company"] = "co", ["cia"] = "co", ["cie"] = "co",
        ["ltd"] = "ltd", ["limited"] = "ltd", ["ltda"] = "ltd",
        ["corp"] = "corp", ["corporation"] = "corp", ["corpn"] = "corp",
        ["inc"] = "inc", ["incorporated"] = "inc",
        ["llc"] = "llc", ["ooo"] = "llc", ["tov"] = "llc",
        ["llp"] = "llp", ["too"] = "llp", ["lp"] = "lp", ["plc"] = "plc",
        ["gmbh"] = "gmbh", ["mbh"] = "gmbh", ["ag"] = "ag", ["aktiengesellschaft"] = "ag", ["kg"] = "kg", ["ug"] = "ug",
        ["nv"] = "nv", ["bv"] = "bv", ["sa"] = "sa", ["sas"] = "sas", ["sarl"] = "sarl", ["srl"] = "srl", ["spa"] = "spa",
        ["sro"] = "sro", ["spzoo"] = "spzoo", ["doo"] = "doo", ["kft"] = "kft", ["zrt"] = "zrt",
        ["oy"] = "oy", ["oyj"] = "oy", ["ab"] = "ab", ["asa"] = "asa", ["aps"] = "aps",
        ["kk"] = "kk", ["kabushikigaisha"] = "kk", ["kabushikikaisha"] = "kk",
        ["jsc"] = "jsc", ["ojsc"] = "jsc", ["cjsc"] = "jsc", ["pjsc"] = "jsc", ["ao"] = "jsc", ["oao"] = "jsc",
        ["zao"] = "jsc", ["pao"] = "jsc", ["jstc"] = "jsc",
        ["pte"] = "pte", ["pvt"] = "pvt", ["pty"] = "pty", ["bhd"] = "bhd", ["sdn"] = "sdn",
        ["fze"] = "fze", ["fzco"] = "fzco", ["fzc"] = "fzco", ["fzllc"] = "llc", ["cv"] = "cv", ["est"] = "est",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Multi-token legal forms, written in canonical single tokens (so "Limited Liability Company" is matched as
    /// "ltd liability co"), and what they become. Longest first: the longest phrase at a position wins.
    /// </summary>
    private static readonly ImmutableArray<(string[] Phrase, string[] Canonical)> Phrases =
    [
        .. new (string, string)[]
        {
            ("obshchestvo s ogranichennoy otvetstvennostyu", "llc"),
            ("publichnoe aktsionernoe obshchestvo", "jsc"),
            ("aktsionernoe obshchestvo", "jsc"),
            ("gesellschaft mit beschrankter haftung", "gmbh"),
            ("gu fen you xian gong si", "jsc"),
            ("you xian ze ren gong si", "llc"),
            ("you xian gong si", "co ltd"),
            ("gong si", "co"),
            ("open joint stock co", "jsc"),
            ("closed joint stock co", "jsc"),
            ("public joint stock co", "jsc"),
            ("private joint stock co", "jsc"),
            ("joint stock co", "jsc"),
            ("ltd liability co", "llc"),
            ("ltd liability partnership", "llp"),
            ("public ltd co", "plc"),
            ("societe anonyme", "sa"),
            ("sociedad anonima", "sa"),
            ("sociedade anonima", "sa"),
            ("societa per azioni", "spa"),
            ("naamloze vennootschap", "nv"),
            ("besloten vennootschap", "bv"),
            ("kabushiki kaisha", "kk"),
            ("kabushiki gaisha", "kk"),
            ("sp z oo", "spzoo"),
            ("sp zoo", "spzoo"),
            ("private ltd", "pvt ltd"),
        }.Select(p => (p.Item1.Split(' '), p.Item2.Split(' '))).OrderByDescending(p => p.Item1.Length),
    ];

    public static bool TryCanonical(string token, out string canonical) => Words.TryGetValue(token, out canonical!);

    public static bool IsCanonical(string token) => Words.ContainsKey(token);

    /// <summary>Long legal-form words, which a slip does not make into another word ("Aktiengeselschaft", "Compan").</summary>
    private static readonly (string Word, string Canonical)[] LongForms =
    [
        ("company", "co"), ("limited", "ltd"), ("corporation", "corp"), ("incorporated", "inc"), ("aktiengesellschaft", "ag"),
    ];

    /// <summary>The canonical form of a long legal-form word written with one slip (two in words of more than ten letters).</summary>
    public static bool TryMisspelt(string token, out string canonical)
    {
        foreach (var (word, form) in LongForms)
        {
            var allowed = word.Length > 10 ? 2 : 1;
            if (Math.Abs(word.Length - token.Length) <= allowed && token[0] == word[0] && EditDistance.Between(token, word, allowed) <= allowed)
            {
                canonical = form;
                return true;
            }
        }
        canonical = "";
        return false;
    }

    /// <summary>The longest legal-form phrase starting at <paramref name="start"/>, if any.</summary>
    public static (int Length, string[] Canonical)? PhraseAt(IReadOnlyList<string> tokens, int start)
    {
        foreach (var (phrase, canonical) in Phrases)
        {
            if (start + phrase.Length > tokens.Count)
            {
                continue;
            }
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
            {
                all = tokens[start + i] == phrase[i];
            }
            if (all)
            {
                return (phrase.Length, canonical);
            }
        }
        return null;
    }
}
