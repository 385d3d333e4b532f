namespace Reticle.Ownership.Import;

/// <summary>The ownership file formats <c>reticle owners import --format</c> reads.</summary>
public enum OwnershipFormat
{
    /// <summary>CONTRACT §10: <c>owner,ownerCountry,owned,ownedCountry,percent,from,until,source</c>.</summary>
    Csv,

    /// <summary>GLEIF Level 2 relationship records, Golden Copy CSV (RR-CDF 2.1 columns), with the Level 1 LEI records for names.</summary>
    GleifRr,
}

public static class OwnershipFormatNames
{
    public static string ToWire(this OwnershipFormat format) => format == OwnershipFormat.Csv ? "csv" : "gleif-rr";

    public static OwnershipFormat? Parse(string text) => text switch
    {
        "csv" => OwnershipFormat.Csv,
        "gleif-rr" => OwnershipFormat.GleifRr,
        _ => null,
    };
}
