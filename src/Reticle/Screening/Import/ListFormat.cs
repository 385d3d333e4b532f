using System.Collections.Immutable;

namespace Reticle.Screening.Import;

/// <summary>
/// A list file format the importer reads (CONTRACT §1, <c>reticle lists import --format F</c>), named by
/// its contract id. <see cref="TakesFileSet"/> formats read several files into one snapshot (OFAC's
/// legacy CSV set: sdn.csv with alt.csv, add.csv and sdn_comments.csv); the others read exactly one.
/// </summary>
public sealed record ListFormat(string Id, string Describes, bool TakesFileSet = false)
{
    public static ListFormat CslJson { get; } = new("csl-json", "US Consolidated Screening List, trade.gov consolidated.json");

    public static ListFormat CslCsv { get; } = new("csl-csv", "US Consolidated Screening List, trade.gov consolidated.csv");

    public static ListFormat OfacCsv { get; } = new("ofac-csv", "OFAC legacy CSV: sdn.csv or cons_prim.csv, with alt, add and comments files", TakesFileSet: true);

    public static ListFormat OfacXml { get; } = new("ofac-xml", "OFAC sdnList XML (sdn.xml, consolidated.xml)");

    public static ListFormat UnXml { get; } = new("un-xml", "UN Security Council Consolidated List XML");

    public static ListFormat BisDpl { get; } = new("bis-dpl", "BIS Denied Persons List, tab-separated text");

    public static ListFormat EuFsfXml { get; } = new("eu-fsf-xml", "EU Financial Sanctions Files XML (consolidated list of persons, groups and entities)");

    public static ImmutableArray<ListFormat> All { get; } = [CslJson, CslCsv, OfacCsv, OfacXml, UnXml, BisDpl, EuFsfXml];

    /// <summary>The format with this contract id (case ignored), or null.</summary>
    public static ListFormat? Find(string id) =>
        All.FirstOrDefault(f => string.Equals(f.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Id;
}
