using System.Xml.Linq;
using Reticle.Input;
using static Reticle.Screening.Import.XmlListDocument;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads the UN Security Council Consolidated List XML (format <c>un-xml</c>): INDIVIDUALS/INDIVIDUAL and
/// ENTITIES/ENTITY. A name is FIRST_NAME to FOURTH_NAME joined; aliases are every ALIAS_NAME, of good
/// and low quality alike (a low-quality alias is still how a party may be named), and the name in
/// its original script. The id is the UN's own reference number (QDi.001), or DATAID where that is
/// missing; the regime (UN_LIST_TYPE) is the programme. <c>dateGenerated</c> is the publication date.
/// </summary>
internal static class UnXmlReader
{
    private const string ListName = "UN Security Council Consolidated List (UN)";

    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    public static ListContent? Read(ListFile file, List<InputError> errors)
    {
        if (LoadRoot(file, "CONSOLIDATED_LIST", "a <CONSOLIDATED_LIST> document (UN XML)", errors) is not { } root
            || !TryReadGenerated(file, root, "dateGenerated", errors, out var published))
        {
            return null;
        }
        var entries = new List<SourcedEntry>();
        var parties = Children(root, "INDIVIDUALS").SelectMany(list => Children(list, "INDIVIDUAL")).Select(e => (Element: e, Type: PartyType.Individual, Prefix: "INDIVIDUAL"))
            .Concat(Children(root, "ENTITIES").SelectMany(list => Children(list, "ENTITY")).Select(e => (Element: e, Type: PartyType.Entity, Prefix: "ENTITY")));
        foreach (var (element, type, prefix) in parties)
        {
            var at = At(file.Name, element);
            var name = string.Join(' ', NameParts.Select(part => Child(element, part)).OfType<string>());
            if ((Child(element, "REFERENCE_NUMBER") ?? Child(element, "DATAID")) is not { } id || name.Length == 0)
            {
                errors.Add(new InputError(at.ToString(), $"an {prefix} needs a REFERENCE_NUMBER or DATAID and a FIRST_NAME"));
                continue;
            }
            var aliases = Children(element, prefix + "_ALIAS").Select(alias => Child(alias, "ALIAS_NAME"))
                .Append(Child(element, "NAME_ORIGINAL_SCRIPT"))
                .OfType<string>()
                .Where(alias => alias != name)
                .Distinct(StringComparer.Ordinal);
            var countries = Children(element, "NATIONALITY").SelectMany(n => Children(n, "VALUE")).Select(v => v.Value)
                .Concat(Children(element, prefix + "_ADDRESS").Select(address => Child(address, "COUNTRY")).OfType<string>())
                .Select(CountryNames.ToCode).OfType<string>().Distinct(StringComparer.Ordinal);
            entries.Add(new SourcedEntry(
                new ListEntry("UN", id, name, [.. aliases], [.. countries], null, null, null)
                {
                    ListName = ListName,
                    Type = type,
                    Programs = Child(element, "UN_LIST_TYPE") is { } regime ? [regime] : [],
                    Remarks = Child(element, "COMMENTS1"),
                },
                at));
        }
        return new ListContent("un", published, entries);
    }
}
