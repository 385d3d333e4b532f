using System.Text;

namespace Reticle.Screening.Matching;

/// <summary>
/// The names one written name stands for. Lists put aliases inside the name in parentheses:
/// "Semiconductor Manufacturing International Corporation (SMIC)" is also "SMIC", "KOLOKOL (AKA: ALDRICH AMES)" is
/// also "ALDRICH AMES", "MES (MODERN ENGINEERING SERVICES, LTD)" is also the words in parentheses. Parentheses that
/// qualify the name ("SMIC (Beijing)", "ABO (USA) INC.", "SAMMY (IHSAN MEDHAT) ELASHI") stay part of it. Names
/// written as alternatives with a slash ("Al-Qa'ida/Islamic Army") give each alternative, and an Entity List name
/// naming an affiliate ("… Affiliated Entity: Beijing Huawei Longshine …") gives the affiliate's name too.
/// </summary>
public static partial class NameVariants
{
    public static IReadOnlyList<string> Of(string name)
    {
        // "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Beijing Huawei Longshine …": the entry lists the
        // affiliate, named after the marker.
        var affiliate = name.IndexOf("affiliated entit", StringComparison.OrdinalIgnoreCase);
        var colon = affiliate < 0 ? -1 : name.IndexOf(':', affiliate);
        if (colon > 0 && colon + 1 < name.Length)
        {
            // The parent's aliases in parentheses are the parent's, not the affiliate's: the whole text stays one name.
            return [.. Of(name[(colon + 1)..].Trim()).Prepend(name).Distinct(StringComparer.Ordinal)];
        }
        return Written(name);
    }

    /// <summary>The name's alternatives and parenthesised aliases.</summary>
    private static IReadOnlyList<string> Written(string name)
    {
        var alternatives = Alternatives(name);
        if (alternatives.Count > 1)
        {
            return [.. alternatives.SelectMany(Written).Prepend(name).Distinct(StringComparer.Ordinal)];
        }
        if (name.IndexOf('(', StringComparison.Ordinal) < 0)
        {
            return [name];
        }
        var (outside, groups) = Split(name);
        var outsideWords = Words(outside);
        var aliases = new List<string>();
        var inline = new List<string>();
        foreach (var group in groups)
        {
            var words = Words(group);
            if (words.Count == 0)
            {
                continue;
            }
            if (AliasMarker(group) is { } alias)
            {
                aliases.Add(alias);
            }
            else if (words.Count == 1 && (IsAcronymOf(group, words[0], outsideWords) || outsideWords.Contains(words[0], StringComparer.OrdinalIgnoreCase)))
            {
                aliases.Add(group.Trim());
            }
            else if (outsideWords.Count == 1 && words.Count >= 2)
            {
                aliases.Add(group.Trim());
            }
            else
            {
                inline.Add(group);
            }
        }
        var variants = new List<string>();
        // Qualifiers stay in place: without them "China Unicom (Hong Kong) Limited" would claim to be its parent.
        variants.Add(inline.Count == 0 ? outside : Rebuild(name, inline));
        variants.AddRange(aliases);
        return variants.Select(v => Space().Replace(v, " ").Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Names written as alternatives with a slash ("Al-Qa'ida/Islamic Army"): each side, when both have a word of three
    /// letters or more (so "A/S" stays a legal form). Parentheses are left to <see cref="Of"/>.
    /// </summary>
    private static List<string> Alternatives(string name)
    {
        if (!name.Contains('/', StringComparison.Ordinal) || name.Contains('(', StringComparison.Ordinal))
        {
            return [name];
        }
        var parts = name.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(p => Words(p).Any(w => w.Count(char.IsLetter) >= 3)) ? [.. parts] : [name];
    }

    /// <summary>The text outside top-level parentheses, and each top-level group's content (nested parentheses kept inside it).</summary>
    private static (string Outside, List<string> Groups) Split(string name)
    {
        var outside = new StringBuilder(name.Length);
        var groups = new List<string>();
        var group = new StringBuilder();
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '(')
            {
                if (depth++ > 0)
                {
                    group.Append(c);
                }
                outside.Append(' ');
            }
            else if (c == ')' && depth > 0)
            {
                if (--depth > 0)
                {
                    group.Append(c);
                }
                else
                {
                    groups.Add(group.ToString());
                    group.Clear();
                }
            }
            else if (depth > 0)
            {
                group.Append(c);
            }
            else
            {
                outside.Append(c);
            }
        }
        if (group.Length > 0)
        {
            outside.Append(' ').Append(group); // an unclosed parenthesis: its text is part of the name
        }
        return (outside.ToString(), groups);
    }

    /// <summary>The name with the given groups' text kept in place (without their parentheses) and every other group removed.</summary>
    private static string Rebuild(string name, List<string> keep)
    {
        var (outside, groups) = Split(name);
        if (groups.Count == 0)
        {
            return outside;
        }
        var builder = new StringBuilder(name.Length);
        var depth = 0;
        var index = 0;
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '(')
            {
                if (depth++ == 0)
                {
                    start = i + 1;
                }
                builder.Append(' ');
            }
            else if (c == ')' && depth > 0)
            {
                if (--depth == 0)
                {
                    var content = name[start..i];
                    if (keep.Contains(groups[index]))
                    {
                        builder.Append(content).Append(' ');
                    }
                    index++;
                }
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static string? AliasMarker(string group)
    {
        var trimmed = group.TrimStart();
        foreach (var marker in (string[])["a.k.a.", "a.k.a", "aka", "f.k.a.", "f.k.a", "fka", "also known as", "formerly known as", "formerly"])
        {
            if (trimmed.StartsWith(marker, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == marker.Length || !char.IsLetter(trimmed[marker.Length]) || marker.EndsWith('.')))
            {
                var rest = trimmed[marker.Length..].TrimStart(':', ' ', ',', '.');
                return rest.Length > 0 ? rest : null;
            }
        }
        return null;
    }

    /// <summary>
    /// Whether a one-word group is an acronym of the name: its letters are, in order, initials of the name's words
    /// ("SMIC" of Semiconductor Manufacturing International Corporation), or it is written in capitals in a name
    /// that is not.
    /// </summary>
    private static bool IsAcronymOf(string group, string word, List<string> outsideWords)
    {
        var letters = word.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        if (letters.Length < 2 || letters.Length > 10)
        {
            return false;
        }
        var initials = outsideWords.Select(w => char.ToLowerInvariant(w[0])).ToArray();
        if (initials.Length >= letters.Length && initials[0] == letters[0])
        {
            var j = 0;
            foreach (var initial in initials)
            {
                if (j < letters.Length && initial == letters[j])
                {
                    j++;
                }
            }
            if (j == letters.Length)
            {
                return true;
            }
        }
        var groupHasLower = group.Any(char.IsLower);
        var outsideHasLower = outsideWords.Any(w => w.Any(char.IsLower));
        return !groupHasLower && outsideHasLower && letters.Length <= 6;
    }

    private static List<string> Words(string text) =>
        [.. text.Split([' ', ',', ';', '-', '/', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit))];

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Space();
}
