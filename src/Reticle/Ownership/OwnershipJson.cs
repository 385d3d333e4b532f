using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reticle.Screening;

namespace Reticle.Ownership;

/// <summary>
/// Ownership findings as JSON (an extension of CONTRACT §3 and §4, present only when there is one): the regime, whether
/// ownership is shown or undetermined, the aggregate share, the listed owners with their terms, the paths and the sentence.
/// </summary>
public static class OwnershipJson
{
    public static void Write(Utf8JsonWriter w, OwnershipFinding f, PartyOwnership? party = null)
    {
        w.WriteStartObject();
        if (party is not null)
        {
            w.WriteString("role", Model.PartyRoleNames.ToWire(party.Role));
            w.WriteString("name", party.PartyName);
        }
        else
        {
            w.WriteString("name", f.Party);
        }
        if (f.Country is { } country)
        {
            w.WriteString("country", country);
        }
        w.WriteString("regime", f.Regime.Code);
        w.WriteString("rule", f.Regime.Title);
        w.WriteString("citation", f.Regime.Citation);
        w.WriteString("status", f.Status == OwnershipStatus.Owned ? "owned" : "undetermined");
        w.WriteNumber("percent", f.Percent);
        w.WriteString("because", f.Because);
        w.WriteStartArray("listedOwners");
        foreach (var e in f.ListedOwners)
        {
            Entry(w, e);
        }
        w.WriteEndArray();
        w.WriteStartArray("paths");
        foreach (var path in f.Paths)
        {
            w.WriteStartArray();
            foreach (var step in path)
            {
                w.WriteStartObject();
                w.WriteString("owner", step.Owner);
                if (step.Country is { } c)
                {
                    w.WriteString("country", c);
                }
                w.WriteNumber("percent", step.Percent);
                if (step.Listing is { } listing)
                {
                    w.WriteString("list", listing.List);
                    w.WriteString("entryId", listing.Id);
                }
                w.WriteString("source", step.Source);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        if (!f.Missing.IsDefaultOrEmpty)
        {
            w.WriteStartArray("missing");
            foreach (var m in f.Missing)
            {
                w.WriteStringValue(m);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Entry(Utf8JsonWriter w, ListEntry e)
    {
        w.WriteStartObject();
        w.WriteString("list", e.List);
        w.WriteString("listName", e.ListName);
        w.WriteString("entryId", e.Id);
        w.WriteString("name", e.Name);
        w.WriteStartArray("footnotes");
        foreach (var n in e.Footnotes)
        {
            w.WriteNumberValue(n);
        }
        w.WriteEndArray();
        w.WriteString("licenseRequirement", e.LicenseRequirement);
        w.WriteString("licensePolicy", e.LicensePolicy);
        w.WriteEndObject();
    }

    /// <summary>A finding as a JSON node, for the hosts' wire objects.</summary>
    public static JsonNode Node(OwnershipFinding f)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, f);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
