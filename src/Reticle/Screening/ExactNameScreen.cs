using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Reticle.Model;

namespace Reticle.Screening;

/// <summary>
/// A strict screen: a party is listed when its name, after case and punctuation are folded, equals an
/// entry's name or one of its aliases exactly. Enough to drive the Entity List rules with certainty;
/// fuzzy, transliteration-aware matching with scores is the screening issue's job and replaces this.
/// </summary>
public sealed class ExactNameScreen
{
    private readonly FrozenDictionary<string, ListEntry[]> _byName;

    public ExactNameScreen(IEnumerable<ListEntry> entries)
    {
        Entries = entries.ToArray();
        _byName = Entries
            .SelectMany(e => e.AltNames.Prepend(e.Name).Select(n => (Key: Fold(n), Entry: e)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Entry).Distinct().ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ListEntry> Entries { get; }

    public IReadOnlyList<PartyListing> Screen(Transaction transaction)
    {
        var listings = new List<PartyListing>();
        foreach (var party in transaction.Parties)
        {
            if (!_byName.TryGetValue(Fold(party.Name), out var entries))
            {
                continue;
            }
            foreach (var entry in entries)
            {
                listings.Add(new PartyListing(party.Role, party.Name, entry.List, entry.Id, entry.Name, entry.Footnotes,
                    entry.LicenseRequirement, entry.LicensePolicy, entry.FederalRegister, Confirmed: true)
                {
                    CoversAllItems = entry.List != "EL" || entry.Terms.CoversAllItems,
                });
            }
        }
        return listings;
    }

    /// <summary>Upper case, letters and digits only, single spaces: "SMIC  Beijing," and "smic beijing" fold alike.</summary>
    public static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }
}
