using System.Collections.Immutable;

namespace Reticle.Screening.Import;

/// <summary>
/// One entry of the US Consolidated Screening List with the fields Reticle keeps, as either the JSON or
/// the CSV carries them, so that both become the same <see cref="ListEntry"/>.
/// </summary>
internal sealed record CslRecord(string Source, string Name)
{
    /// <summary>The CSL's own id (<c>id</c> or <c>_id</c>); absent from old CSV files.</summary>
    public string? Id { get; init; }

    /// <summary>The source list's number (OFAC ent_num for the Treasury lists).</summary>
    public string? EntityNumber { get; init; }

    public string? Type { get; init; }

    public ImmutableArray<string> Programs { get; init; } = [];

    public ImmutableArray<string> AltNames { get; init; } = [];

    /// <summary>Countries as printed: codes or names from the addresses, nationalities and citizenships.</summary>
    public ImmutableArray<string> Countries { get; init; } = [];

    /// <summary>The addresses as text, only to tell apart entries without any id.</summary>
    public string? AddressText { get; init; }

    public string? FederalRegister { get; init; }

    public string? LicenseRequirement { get; init; }

    public string? LicensePolicy { get; init; }

    public string? Remarks { get; init; }

    public string? StartDate { get; init; }

    public ListEntry ToEntry()
    {
        var code = ListCode(Source);
        var id = Id
            ?? (EntityNumber is { } number ? $"{code}-{number}" : DerivedIds.From(code, Name, AddressText, StartDate));
        return new ListEntry(
            code,
            id,
            Name,
            [.. AltNames.Where(a => a.Length > 0 && a != Name).Distinct(StringComparer.Ordinal)],
            [.. Countries.Select(CountryNames.ToCode).OfType<string>().Distinct(StringComparer.Ordinal)],
            LicenseRequirement,
            LicensePolicy,
            FederalRegister)
        {
            ListName = Source,
            Type = PartyTypes.Parse(Type) ?? PartyType.Unknown,
            Programs = Programs,
            Remarks = Remarks,
        };
    }

    /// <summary>
    /// The short code in the source's parentheses: "Entity List (EL) - Bureau of Industry and Security" is
    /// EL, "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department" is NS-MBS.
    /// </summary>
    public static string ListCode(string source)
    {
        var open = source.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : source.IndexOf(')', open);
        if (close <= open + 1)
        {
            return source;
        }
        var code = source[(open + 1)..close].Trim();
        return code.EndsWith(" List", StringComparison.Ordinal) ? code[..^" List".Length] : code;
    }
}
