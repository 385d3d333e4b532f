using System.Xml;
using System.Xml.Linq;
using Reticle.Input;

namespace Reticle.Screening.Import;

/// <summary>
/// Loads a list's XML safely (DTDs prohibited, no external resolution: a list file is untrusted input)
/// with line information kept, so that every error names the line and position of the element.
/// </summary>
internal static class XmlListDocument
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XDocument? Load(ListFile file, List<InputError> errors)
    {
        // XmlReader refuses a DTD too, but without saying where; none of the lists has one.
        var doctype = file.Content.AsSpan().IndexOf("<!DOCTYPE"u8);
        if (doctype >= 0)
        {
            var before = file.Content.AsSpan(0, doctype);
            errors.Add(new InputError(new SourcePosition(file.Name, before.Count((byte)'\n') + 1, doctype - before.LastIndexOf((byte)'\n')).ToString(),
                "a document type definition (DTD) is not allowed in a list file"));
            return null;
        }
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(file.Content, writable: false), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            errors.Add(new InputError(new SourcePosition(file.Name, Math.Max(e.LineNumber, 1), e.LinePosition).ToString(),
                $"malformed XML (is the file truncated?): {WithoutPosition(e.Message)}"));
            return null;
        }
    }

    /// <summary>
    /// The document's root element if the file loads and the root is <paramref name="rootName"/>; otherwise
    /// null, with the error saying what was <paramref name="expected"/> ("an &lt;sdnList&gt; document (OFAC XML)") and what was found.
    /// </summary>
    public static XElement? LoadRoot(ListFile file, string rootName, string expected, List<InputError> errors)
    {
        if (Load(file, errors) is not { Root: { } root })
        {
            return null;
        }
        if (root.Name.LocalName != rootName)
        {
            errors.Add(new InputError(At(file.Name, root).ToString(), $"expected {expected}, found <{root.Name.LocalName}>"));
            return null;
        }
        return root;
    }

    /// <summary>
    /// Reads the generation date the root states in <paramref name="attribute"/> (an ISO date or date-time):
    /// true with the date (null if absent), or false with an error if it is not a date.
    /// </summary>
    public static bool TryReadGenerated(ListFile file, XElement root, string attribute, List<InputError> errors, out NodaTime.LocalDate? published)
    {
        published = null;
        if (root.Attribute(attribute)?.Value is not { Length: >= 10 } generated)
        {
            return true;
        }
        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(generated[..10]);
        if (!parsed.Success)
        {
            errors.Add(new InputError(At(file.Name, root).ToString(), $"{attribute} '{generated}' is not an ISO date"));
            return false;
        }
        published = parsed.Value;
        return true;
    }

    public static SourcePosition At(string file, XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo()
            ? new SourcePosition(file, info.LineNumber, info.LinePosition)
            : new SourcePosition(file, 1);

    /// <summary>The trimmed text of the first child element with this local name, or null when absent or empty.</summary>
    public static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } text ? text : null;

    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    // XmlException messages end with " Line 3, position 7."; the position is already in Where.
    private static string WithoutPosition(string message)
    {
        var end = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
