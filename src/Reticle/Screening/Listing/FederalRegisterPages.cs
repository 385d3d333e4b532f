using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Reticle.Screening.Listing;

/// <summary>
/// The Federal Register's pages and the dates they bear, as shipped data (<c>content/lists/federal-register-pages.csv</c>,
/// compiled into the engine): the documents that added entries to the Entity List, each with its pages, publication
/// date and effective date, and the source each row was read from. A citation is dated only when its page lies in
/// a document of the table: a page outside every known document (a typing error in the list such as "84 FR 37423"
/// for 83 FR 37423, or a document not yet in the table) is not dated, never guessed from neighbouring pages.
/// </summary>
/// <remarks>Validated once when read (ranges in order, not overlapping); looked up by binary search.</remarks>
public sealed class FederalRegisterPages
{
    /// <summary>The resource name of the bundled table in the engine's assembly.</summary>
    public const string ResourceName = "Reticle.FederalRegisterPages.csv";

    private static readonly Lazy<FederalRegisterPages> BundledTable = new(() =>
    {
        using var stream = typeof(FederalRegisterPages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the engine is built without its Federal Register page table ({ResourceName})");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private readonly ImmutableArray<FederalRegisterDocument> _documents;

    private FederalRegisterPages(ImmutableArray<FederalRegisterDocument> documents) => _documents = documents;

    /// <summary>The table shipped with Reticle.</summary>
    public static FederalRegisterPages Bundled => BundledTable.Value;

    public static FederalRegisterPages Empty { get; } = new([]);

    public ImmutableArray<FederalRegisterDocument> Documents => _documents;

    /// <summary>The document holding the citation's page, or null when the table has none (or the citation has no page).</summary>
    public FederalRegisterDocument? Find(FederalRegisterCitation citation)
    {
        if (citation.Page is not { } page)
        {
            return null;
        }
        // The last document starting at or before the page is the only one that can hold it: ranges do not overlap.
        int low = 0, high = _documents.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var document = _documents[middle];
            var order = document.Volume != citation.Volume ? document.Volume.CompareTo(citation.Volume) : document.FirstPage.CompareTo(page);
            if (order <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        if (high >= 0 && _documents[high].Holds(citation))
        {
            return _documents[high];
        }
        return null;
    }

    /// <summary>
    /// Reads the table: a header line <c>volume,first_page,last_page,published,effective,document,source</c>, then one
    /// row a document (<c>effective</c> and <c>document</c> may be empty); lines starting with <c>#</c> are notes. The
    /// table is shipped data, so anything malformed is a bug and throws, naming the line.
    /// </summary>
    public static FederalRegisterPages Parse(string text)
    {
        const string Header = "volume,first_page,last_page,published,effective,document,source";
        var documents = new List<FederalRegisterDocument>();
        var sawHeader = false;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (!sawHeader)
            {
                sawHeader = line == Header ? true : throw Bad(number, $"the header must be '{Header}'");
                continue;
            }
            // The source is last and may hold commas (a URL's query); the other fields never do.
            var cells = line.Split(',', 7);
            if (cells.Length != 7)
            {
                throw Bad(number, "a row has 7 fields");
            }
            var document = new FederalRegisterDocument(
                Number(cells[0], number), Number(cells[1], number), Number(cells[2], number), Date(cells[3], number),
                cells[4].Length == 0 ? null : Date(cells[4], number), cells[5], cells[6]);
            if (document.FirstPage > document.LastPage || document.Volume < 1 || document.Source.Length == 0)
            {
                throw Bad(number, "a row needs a volume, first page <= last page, and its source");
            }
            if (document.Published.Year != 1935 + document.Volume)
            {
                throw Bad(number, $"volume {document.Volume} is the year {1935 + document.Volume}, not {document.Published.Year}");
            }
            documents.Add(document);
        }
        documents.Sort((a, b) => a.Volume != b.Volume ? a.Volume.CompareTo(b.Volume) : a.FirstPage.CompareTo(b.FirstPage));
        for (var i = 1; i < documents.Count; i++)
        {
            var (before, after) = (documents[i - 1], documents[i]);
            if (before.Volume == after.Volume && after.FirstPage <= before.LastPage)
            {
                throw new FormatException($"Federal Register pages {after.Volume} FR {after.FirstPage} are in two rows of the table");
            }
            if (before.Volume == after.Volume && after.Published < before.Published)
            {
                throw new FormatException($"{after.Volume} FR {after.FirstPage} is dated before {before.Volume} FR {before.FirstPage}: pages run in date order");
            }
        }
        return new FederalRegisterPages([.. documents]);
    }

    private static int Number(string cell, int line) =>
        int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(line, $"'{cell}' is not a whole number");

    private static LocalDate Date(string cell, int line) =>
        LocalDatePattern.Iso.Parse(cell) is { Success: true } result ? result.Value : throw Bad(line, $"'{cell}' is not a date (yyyy-MM-dd)");

    private static FormatException Bad(int line, string what) => new($"Federal Register page table, line {line}: {what}");
}
