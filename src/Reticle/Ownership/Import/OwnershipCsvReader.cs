using System.Globalization;
using NodaTime;
using Reticle.Input;
using Reticle.Model;
using Reticle.Screening.Import;

namespace Reticle.Ownership.Import;

/// <summary>
/// Reads the ownership CSV of CONTRACT §10: header <c>owner,ownerCountry,owned,ownedCountry,percent,from,until,source</c>
/// (columns in any order, each exactly once; <c>until</c> may be left out of the header). All or nothing: every bad row is
/// reported with its line and field, and no stake is returned from a file that has one.
/// </summary>
/// <remarks>
/// <c>percent</c> is 0–100 with a point for decimals, or empty when the source states the stake but not its share (reported
/// as a missing fact wherever it could decide the 50 % line). <c>from</c> is required; <c>until</c> is the first day the
/// stake is no longer held (half-open, as rule periods), empty while it is held. <c>source</c> is required: every stake
/// says where it comes from.
/// </remarks>
public static class OwnershipCsvReader
{
    private static readonly string[] Required = ["owner", "ownerCountry", "owned", "ownedCountry", "percent", "from", "source"];
    private static readonly string[] Known = [.. Required, "until"];

    public static IReadOnlyList<Stake> Read(string file, string text, List<InputError> errors)
    {
        var before = errors.Count;
        var records = DelimitedText.Parse(file, text, ',', errors);
        if (records is null)
        {
            return [];
        }
        if (records.Count == 0)
        {
            errors.Add(new InputError($"{file}:1", $"the file is empty; expected the header {string.Join(",", Known)}"));
            return [];
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        foreach (var (name, i) in header.Select((h, i) => (h, i)))
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                var nearest = NearestName.Find(name, Known);
                errors.Add(new InputError($"{file}:1", $"unknown column '{name}'{(nearest is null ? "" : $"; did you mean '{nearest}'?")}"));
            }
            else if (header.IndexOf(name) != i)
            {
                errors.Add(new InputError($"{file}:1", $"column '{name}' is given twice"));
            }
        }
        foreach (var missing in Required.Where(r => !header.Contains(r)))
        {
            errors.Add(new InputError($"{file}:1", $"the header has no '{missing}' column"));
        }
        if (errors.Count > before)
        {
            return [];
        }
        int Column(string name) => header.IndexOf(name);
        var stakes = new List<Stake>(records.Count - 1);
        foreach (var (where, record) in DelimitedText.Rows(file, records, errors))
        {
            string Field(string name) => Column(name) is >= 0 and var i ? record.Fields[i].Trim() : "";
            var rowErrors = errors.Count;
            void Bad(string field, string message) => errors.Add(new InputError($"{where}: {field}", message));

            var owner = Field("owner");
            var owned = Field("owned");
            if (owner.Length == 0)
            {
                Bad("owner", "is empty");
            }
            if (owned.Length == 0)
            {
                Bad("owned", "is empty");
            }
            var ownerCountry = Country(Field("ownerCountry"), "ownerCountry", Bad);
            var ownedCountry = Country(Field("ownedCountry"), "ownedCountry", Bad);
            var percent = Percent(Field("percent"), Bad);
            var from = Date(Field("from"), "from", required: true, Bad);
            var until = Date(Field("until"), "until", required: false, Bad);
            if (from is { } f && until is { } u && u <= f)
            {
                Bad("until", $"{Time.EffectivePeriod.Format(u)} is not after from ({Time.EffectivePeriod.Format(f)})");
            }
            var source = Field("source");
            if (source.Length == 0)
            {
                Bad("source", "is empty: every stake says where it comes from");
            }
            if (owner.Length > 0 && owner == owned && ownerCountry == ownedCountry)
            {
                Bad("owned", $"'{owned}' is its own owner");
            }
            if (errors.Count == rowErrors)
            {
                stakes.Add(new Stake(owner, ownerCountry, owned, ownedCountry, percent, from, until, source));
            }
        }
        return errors.Count > before ? [] : stakes;
    }

    internal static CountryCode? Country(string text, string field, Action<string, string> bad)
    {
        if (!CountryCode.TryParse(text, out var code))
        {
            bad(field, text.Length == 0 ? "is empty (an ISO 3166-1 alpha-2 code)" : $"'{text}' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return code;
    }

    internal static decimal? Percent(string text, Action<string, string> bad)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100)
        {
            bad("percent", $"'{text}' is not a share from 0 to 100 (a point for decimals, no % sign)");
            return null;
        }
        return value;
    }

    internal static LocalDate? Date(string text, string field, bool required, Action<string, string> bad)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                bad(field, "is empty: every stake is dated");
            }
            return null;
        }
        var date = InputDate.Parse(text, out var error);
        if (date is null)
        {
            bad(field, error!);
        }
        return date;
    }
}
