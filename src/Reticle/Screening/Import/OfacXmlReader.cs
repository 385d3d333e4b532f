using System.Globalization;
using System.Xml.Linq;
using NodaTime;
using NodaTime.Text;
using Reticle.Input;
using static Reticle.Screening.Import.XmlListDocument;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads OFAC's sdnList XML (format <c>ofac-xml</c>: sdn.xml, and consolidated.xml for the non-SDN
/// lists, told apart by the file name). Individuals' names are written "LAST, First" as in OFAC's CSV
/// files, so both formats give the same names. <c>publshInformation/Publish_Date</c> (sic) is the
/// publication date.
/// </summary>
internal static class OfacXmlReader
{
    private static readonly LocalDatePattern UsDate = LocalDatePattern.Create("MM/dd/yyyy", CultureInfo.InvariantCulture);

    public static ListContent? Read(ListFile file, List<InputError> errors)
    {
        if (LoadRoot(file, "sdnList", "an <sdnList> document (OFAC XML)", errors) is not { } root)
        {
            return null;
        }
        var consolidated = Path.GetFileName(file.Name).StartsWith("cons", StringComparison.OrdinalIgnoreCase);
        var (code, listName) = consolidated
            ? ("CONS", "Consolidated Sanctions List (non-SDN) - Treasury Department")
            : ("SDN", "Specially Designated Nationals (SDN) - Treasury Department");
        LocalDate? published = null;
        if (Children(root, "publshInformation").FirstOrDefault() is { } information && Child(information, "Publish_Date") is { } date)
        {
            var parsed = UsDate.Parse(date);
            if (!parsed.Success)
            {
                errors.Add(new InputError(At(file.Name, information).ToString(), $"Publish_Date '{date}' is not a MM/DD/YYYY date"));
                return null;
            }
            published = parsed.Value;
        }
        var entries = new List<SourcedEntry>();
        foreach (var element in Children(root, "sdnEntry"))
        {
            var at = At(file.Name, element);
            if (Child(element, "uid") is not { } uid || Name(element) is not { } name)
            {
                errors.Add(new InputError(at.ToString(), "an sdnEntry needs a uid and a lastName"));
                continue;
            }
            var typeText = Child(element, "sdnType") ?? Child(element, "nspType");
            if ((typeText is null ? PartyType.Unknown : PartyTypes.Parse(typeText)) is not { } type)
            {
                errors.Add(new InputError(at.ToString(), $"unknown sdnType '{typeText}' (expected Individual, Entity, Vessel or Aircraft)"));
                continue;
            }
            var countries = Descendants(element, "addressList", "address", "country")
                .Concat(Descendants(element, "nationalityList", "nationality", "country"))
                .Concat(Descendants(element, "citizenshipList", "citizenship", "country"))
                .Select(CountryNames.ToCode).OfType<string>().Distinct(StringComparer.Ordinal);
            var aliases = Children(element, "akaList").SelectMany(list => Children(list, "aka")).Select(Name).OfType<string>().Distinct(StringComparer.Ordinal);
            entries.Add(new SourcedEntry(
                new ListEntry(code, uid, name, [.. aliases], [.. countries], null, null, null)
                {
                    ListName = listName,
                    Type = type,
                    Programs = [.. Descendants(element, "programList", "program")],
                    Remarks = Child(element, "remarks"),
                },
                at));
        }
        return new ListContent(consolidated ? "ofac-cons" : "ofac-sdn", published, entries);
    }

    // "LAST, First" for an individual (firstName present), "NAME" for everything else.
    private static string? Name(XElement element) =>
        Child(element, "lastName") is { } last ? Child(element, "firstName") is { } first ? $"{last}, {first}" : last : null;

    private static IEnumerable<string> Descendants(XElement element, params string[] path)
    {
        IEnumerable<XElement> level = [element];
        foreach (var step in path[..^1])
        {
            level = level.SelectMany(e => Children(e, step));
        }
        return level.Select(e => Child(e, path[^1])).OfType<string>();
    }
}
