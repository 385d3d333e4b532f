using System.Xml.Linq;
using Reticle.Input;
using static Reticle.Screening.Import.XmlListDocument;

namespace Reticle.Screening.Import;

/// <summary>
/// Reads the EU Financial Sanctions Files XML (format <c>eu-fsf-xml</c>: the consolidated list of
/// persons, groups and entities subject to EU financial sanctions, <c>export/sanctionEntity</c>, data in
/// attributes). The first nameAlias is the name as the EU lists it first; every other wholeName,
/// in whatever language, is an alias. The id is the EU's logicalId; the EU reference number
/// (EU.27.28) is kept in the remarks. Regulation programmes (IRQ, TERR, RUS…) are the programmes,
/// citizenships and address countries (ISO codes already; "00" for unknown) the countries.
/// </summary>
internal static class EuFsfXmlReader
{
    private const string ListName = "EU Consolidated Financial Sanctions List (EU)";

    public static ListContent? Read(ListFile file, List<InputError> errors)
    {
        if (LoadRoot(file, "export", "an <export> document (EU Financial Sanctions Files XML)", errors) is not { } root
            || !TryReadGenerated(file, root, "generationDate", errors, out var published))
        {
            return null;
        }
        var entries = new List<SourcedEntry>();
        foreach (var element in Children(root, "sanctionEntity"))
        {
            var at = At(file.Name, element);
            var names = Children(element, "nameAlias").Select(alias => Attribute(alias, "wholeName")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (Attribute(element, "logicalId") is not { } id || names.Count == 0)
            {
                errors.Add(new InputError(at.ToString(), "a sanctionEntity needs a logicalId and a nameAlias with a wholeName"));
                continue;
            }
            var type = Children(element, "subjectType").Select(s => Attribute(s, "code")).FirstOrDefault() switch
            {
                "person" => PartyType.Individual,
                "enterprise" => PartyType.Entity,
                _ => PartyType.Unknown,
            };
            var countries = Children(element, "citizenship").Concat(Children(element, "address"))
                .Select(e => CountryNames.ToCode(Attribute(e, "countryIso2Code"))).OfType<string>().Distinct(StringComparer.Ordinal);
            string?[] remarks = [Attribute(element, "euReferenceNumber") is { } reference ? $"EU reference {reference}" : null, .. Children(element, "remark").Select(r => r.Value.Trim())];
            entries.Add(new SourcedEntry(
                new ListEntry("EU", id, names[0], [.. names.Skip(1)], [.. countries], null, null, null)
                {
                    ListName = ListName,
                    Type = type,
                    Programs = [.. Children(element, "regulation").Select(r => Attribute(r, "programme")).OfType<string>().Distinct(StringComparer.Ordinal)],
                    Remarks = string.Join("; ", remarks.Where(r => !string.IsNullOrEmpty(r))) is { Length: > 0 } text ? text : null,
                },
                at));
        }
        return new ListContent("eu-fsf", published, entries);
    }

    private static string? Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
