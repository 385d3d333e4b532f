using System.Globalization;
using System.Text;

namespace Reticle.Ownership;

/// <summary>
/// How an entity is recognised in the ownership facts: its name folded (case, accents, punctuation and spacing do not
/// count: "Acme Co., Ltd." is "ACME CO LTD") with its country. An identity, not a resemblance: a subsidiary is found
/// under the name its register gives, and fuzzy matching stays with name screening. Cheap, because a million stakes
/// are keyed when a snapshot is laid out and every party of every decision is keyed again.
/// </summary>
public static class OwnershipKey
{
    public static string Of(string name, string? country)
    {
        var builder = new StringBuilder(name.Length + 3);
        var space = true;
        foreach (var c in IsAscii(name) ? name : Decomposed(name))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && !space)
            {
                builder.Append(' ');
                space = true;
            }
        }
        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }
        return builder.Append('|').Append(country).ToString();
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 127)
            {
                return false;
            }
        }
        return true;
    }

    private static string Decomposed(string s) => s.Normalize(NormalizationForm.FormKD);
}
